using System.Globalization;
using System.Text;

namespace Conferences.Fuzz;

/// <summary>Writes a run's result as one section of a markdown file, replacing that section from an earlier run.</summary>
public static class FuzzReport
{
    public static void Write(string path, string label, string note, string baseUrl, ulong seed, int concurrency, FuzzRun run)
    {
        var begin = $"<!-- fuzz:{label}:begin -->";
        var end = $"<!-- fuzz:{label}:end -->";
        var section = new StringBuilder();
        section.AppendLine(begin);
        section.AppendLine(CultureInfo.InvariantCulture, $"## {label}");
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC against `{baseUrl}`: seed `{seed}`, {concurrency} concurrent requests, per-request timeout 30 s.");
        if (note.Length > 0)
        {
            section.AppendLine();
            section.AppendLine(note);
        }
        section.AppendLine();
        section.AppendLine("| measure | count |");
        section.AppendLine("|---|---|");
        Row(section, "requests", run.Requests.ToString("N0", CultureInfo.InvariantCulture));
        Row(section, "duration", $"{run.Elapsed.TotalSeconds:0} s ({run.Requests / Math.Max(run.Elapsed.TotalSeconds, 1):0} requests/s)");
        Row(section, "5xx answers", run.ServerErrors == 0 ? "0" : $"{run.ServerErrors} ({string.Join(", ", run.ServerErrorNames.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} × {e.Key}"))})");
        Row(section, "non-envelope `/v2` answers (or not `application/json`)", run.NotEnvelopes);
        Row(section, "timeouts (no answer within 30 s)", run.Timeouts);
        Row(section, "transport errors", run.TransportErrors);
        Row(section, "stored conferences that do not re-validate against `schemas/conferences.json`", run.InvalidStored.Count);
        Row(section, "sibling account changed", run.SiblingChanged ? "yes" : "no");
        Row(section, "plain 400s of the HTTP server itself (bytes refused before the application)", run.RefusedByServer);
        section.AppendLine();
        section.AppendLine("Answers by status: " + string.Join(", ", run.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value.ToString("N0", CultureInfo.InvariantCulture)}")) + ".");
        foreach (var (kind, examples) in run.Examples.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            section.AppendLine();
            section.AppendLine(CultureInfo.InvariantCulture, $"Examples of {kind}:");
            section.AppendLine();
            foreach (var example in examples)
            {
                section.AppendLine(CultureInfo.InvariantCulture, $"* `{example.Replace('`', '\'')}`");
            }
        }
        foreach (var invalid in run.InvalidStored.Take(5))
        {
            section.AppendLine(CultureInfo.InvariantCulture, $"* `{invalid.Replace('`', '\'')}`");
        }
        section.AppendLine(end);

        var text = File.Exists(path) ? File.ReadAllText(path) : Header;
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section.ToString().TrimEnd('\n') + text[(to + end.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, text.TrimEnd('\n') + "\n");
    }

    private static void Row(StringBuilder text, string name, object value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private const string Header = """
        # Fuzz runs

        Generated requests (`tests/Shared/Fuzz`, the generators of the fuzz suite) sent by `tools/fuzz` to a running
        service over HTTP; see docs/operations.md ("Fuzzing") for how to run it. The promises: no 5xx, every `/v2` answer a
        Kazoo envelope in `application/json`, every stored conference valid, a sibling account never changed.
        """;
}
