using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Conferences.Benchmarks.Bus;
using static Conferences.Benchmarks.Actions.ActionsBenchmark;

namespace Conferences.Benchmarks.Actions;

/// <summary>Writes benchmarks/results/actions.md and actions.json from one run of <see cref="ActionsBenchmark"/>.</summary>
internal static class ActionsReport
{
    public static async Task WriteAsync(string root, IReadOnlyList<BusCase> cases, IReadOnlyList<(string Step, LatencyResult Result)> profile, string? rabbitMq, double seconds, int rounds)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Actions benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; Release build.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"The API runs in the benchmark process (the same composition as its `Program.cs`: embedded SQLite store, actions, live state, the built-in simulator beside it on the same bus; RabbitMQ: `Messaging:Provider=rabbitmq` on {(rabbitMq is null ? "—" : $"{new Uri(rabbitMq).Host}:{new Uri(rabbitMq).Port}")}) and is called over loopback HTTP by one client, one request at a time. The conference runs with 1 moderator and {Members} members. {rounds} alternating rounds of {seconds} s per case after {Warmup} warm-up iterations; percentiles over every sample.");
        report.AppendLine();
        report.AppendLine("* **action round trip**: PUT `…/participants/{pid}` mute (alternately unmute) → GET `…/participants/{pid}` repeated until `speak` shows it. Behind it: the command published and confirmed, the simulator executing it and publishing `mute-member`, the live state applying the event — two bus hops plus HTTP.");
        report.AppendLine("* **PUT alone**: the same PUT until its 201 (the command confirmed by the bus).");
        report.AppendLine("* **PUT wait=applied**: the same PUT (another member) with `?wait=applied`: the answer comes once the `mute-member` event is in the live state — the round trip above without polling.");
        report.AppendLine("* **PUT + Idempotency-Key**: the PUT alone (a third member) with a new `Idempotency-Key` each time: the key claimed in the store before acting (one INSERT-if-absent on the key table), the answer kept after it went out (replayed from memory until stored). It runs in turn with **PUT alone, in turn** (the same plain PUT on a fourth member), so that both see the same moment's load; the idempotency cost compares these two.");
        report.AppendLine(CultureInfo.InvariantCulture, $"* **bulk round trip**: PUT `…/participants` mute (alternately unmute) → GET `…/participants` until all {Members} members show it ({Members} commands, {Members} events).");
        report.AppendLine("* **bare publish → consume**: the same `mute_participant` message published with the API's `IKapiPublisher` to an exclusive queue of the API's `IKapiSubscriber` on the same bus, until the handler runs — one bus hop, no HTTP.");
        report.AppendLine();
        report.AppendLine("| bus | case | samples | p50 ms | p99 ms | mean ms | max ms |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            foreach (var (name, result) in new[] { ("action round trip", c.Action), ("PUT wait=applied", c.Applied), ("PUT alone", c.Put), ("PUT alone, in turn", c.Plain), ("PUT + Idempotency-Key", c.Keyed), ("bulk round trip", c.Bulk), ("bare publish → consume", c.Bare) })
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {c.Bus} | {name} | {result.Count} | {result.P50Ms:F2} | {result.P99Ms:F2} | {result.MeanMs:F2} | {result.MaxMs:F2} |");
            }
        }
        report.AppendLine();
        report.AppendLine("| bus | action p50 ÷ bare p50 | action p99 ÷ bare p99 | goal: action p99 | met |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var goal = c.Bus == "in-process" ? 10.0 : 25.0;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Bus} | **{c.Action.P50Ms / c.Bare.P50Ms:F1}** | **{c.Action.P99Ms / c.Bare.P99Ms:F1}** | ≤ {goal:F0} ms | {(c.Action.P99Ms <= goal ? "yes" : "**no**")} ({c.Action.P99Ms:F2} ms) |");
        }
        report.AppendLine();
        report.AppendLine("| bus | wait=applied p50 / p99 ms | PUT-then-poll p50 / p99 ms | plain PUT p50 / p99 ms | keyed PUT p50 / p99 ms | idempotency cost: keyed p50 − plain p50 | ÷ plain p50 | goal ≤ 10 % |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var cost = c.Keyed.P50Ms - c.Plain.P50Ms;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Bus} | {c.Applied.P50Ms:F2} / {c.Applied.P99Ms:F2} | {c.Action.P50Ms:F2} / {c.Action.P99Ms:F2} | {c.Plain.P50Ms:F3} / {c.Plain.P99Ms:F2} | {c.Keyed.P50Ms:F3} / {c.Keyed.P99Ms:F2} | {cost:F3} ms | **{cost / c.Plain.P50Ms:P0}** | {(cost / c.Plain.P50Ms <= 0.10 ? "yes" : "**no**")} |");
        }
        report.AppendLine();
        report.AppendLine("Where a keyed request's extra time goes: each step of the key alone, in a loop of its own (`IdempotencyProfile`; the kept answer is written after the response, off the request's path).");
        report.AppendLine();
        report.AppendLine("| step | samples | p50 ms | p99 ms | mean ms |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var (step, result) in profile)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {result.Count} | {result.P50Ms:F3} | {result.P99Ms:F3} | {result.MeanMs:F3} |");
        }
        report.AppendLine();
        if (rabbitMq is null)
        {
            report.AppendLine("RabbitMQ case skipped: set BENCH_RABBITMQ (benchmarks/run.sh starts a broker).");
            report.AppendLine();
        }
        report.AppendLine("The idempotency cost on the request's path is one store write — the claim before acting, so that concurrent duplicates and other instances see it (on SQLite one INSERT-if-absent on a kept-open connection, `synchronous=NORMAL`, no fsync; on CouchDB a document PUT) — plus the fingerprint; the kept answer is written after the answer went out (ADR 0011). The plain PUT writes nothing, so the ratio compares a store write with an in-memory publish.");
        report.AppendLine();
        report.AppendLine("The ratio says how many bare bus hops an action round trip costs; it includes two hops, the HTTP PUT and the GETs that poll for the change. This machine is shared by several agents: compare ratios measured side by side, not absolute figures across runs.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) when the run ended: {LoadAverage()}.");

        var results = Path.Combine(root, "benchmarks/results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "actions.md"), report.ToString());
        await File.WriteAllTextAsync(Path.Combine(results, "actions.json"), JsonSerializer.Serialize(cases.Select(c => new
        {
            bus = c.Bus,
            action_round_trip = c.Action,
            put_alone = c.Put,
            put_wait_applied = c.Applied,
            put_idempotency_key = c.Keyed,
            put_alone_in_turn = c.Plain,
            bulk_round_trip = c.Bulk,
            bare_publish_consume = c.Bare,
            p50_ratio = c.Action.P50Ms / c.Bare.P50Ms,
            p99_ratio = c.Action.P99Ms / c.Bare.P99Ms,
        }).Append<object>(new { idempotency_profile = profile.Select(p => new { step = p.Step, result = p.Result }) }), new JsonSerializerOptions { WriteIndented = true }));
        Console.Write(report);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
