using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Conferences.Benchmarks.Bus;

/// <summary>What the bus benchmark measured, as benchmarks/results/bus.md (and bus.json).</summary>
public sealed class BusReport(BusSettings settings)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;

    /// <summary>"RabbitMQ {version} at host:port", null without <c>BENCH_RABBITMQ</c>.</summary>
    public string? Broker { get; set; }

    public int CommandBytes { get; set; }

    public int RequestBytes { get; set; }

    public int ReplyBytes { get; set; }

    /// <summary>Median round per publishers in flight and case (<c>in-process</c>, <c>rabbitmq</c>, <c>raw</c>).</summary>
    public SortedDictionary<int, Dictionary<string, ThroughputResult>> Throughput { get; } = [];

    public Dictionary<string, LatencyResult> Latency { get; } = [];

    public Dictionary<string, int> SearchFailures { get; } = [];

    /// <summary>Replies collected per measured search (more than 1: other media managers on the broker answered too).</summary>
    public Dictionary<string, double> RepliesPerSearch { get; } = [];

    /// <summary>Media managers the directory counted per bus: a search waits for that many replies.</summary>
    public Dictionary<string, int> Managers { get; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# Message-bus benchmark — {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.Append(Inv, $"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; ")
            .Append(Inv, $"broker: {Broker ?? "none (BENCH_RABBITMQ not set: in-process bus only)"}. Everything runs in one process, Release build.")
            .AppendLine();
        md.AppendLine();
        md.Append(Inv, $"Settings: **commands** — a kapi `mute_participant` ({CommandBytes} bytes) to `conference.command.{{conf}}`, one consumer bound ")
            .Append("(`conference_controller_{conf}`, manual ack, prefetch 50), closed loop with ")
            .Append(Inv, $"{string.Join(" and ", BusSettings.Concurrency)} publishers in flight, each awaiting its publish (RabbitMQ: the publisher confirm); ")
            .Append(Inv, $"{settings.Rounds} alternating rounds of {settings.Round.TotalSeconds:0.#} s per case after a 1 s warm-up, median round; ")
            .Append("consumed/s = messages ÷ time until the consumer had taken the last one. ")
            .Append(Inv, $"**Search** — `MediaManagerDiscovery.SearchAsync`, conference form, one search at a time, answered by a media-server simulator on the same bus ")
            .Append(Inv, $"(request {RequestBytes} bytes, reply {ReplyBytes} bytes on the wire); {BusSettings.SearchWarmup} warm-up searches per case, then ")
            .Append(Inv, $"{settings.Searches} per case in {settings.Rounds} alternating blocks. **raw** = plain RabbitMQ.Client 7 on a connection of its own to the same ")
            .Append("broker: confirming channels with tracking, one per publisher in flight, the same exchange, body bytes and properties; its request/reply publishes ")
            .Append("to the `conference` topic exchange, a raw responder answers with the same reply bytes (confirmed) to `targeted`/reply-queue, correlated by ")
            .Append("`correlation_id`, no JSON parsed. Ratio = RabbitMQ bus ÷ raw.")
            .AppendLine();
        md.AppendLine();
        md.AppendLine("## Command publish throughput");
        md.AppendLine();
        md.AppendLine("| in flight | in-process msg/s | RabbitMQ bus msg/s | raw RabbitMQ.Client msg/s | **RabbitMQ bus ÷ raw** | in-process consumed/s | RabbitMQ bus consumed/s | raw consumed/s |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (concurrency, cases) in Throughput)
        {
            md.Append(Inv, $"| {concurrency} | {Rate(cases, "in-process")} | {Rate(cases, "rabbitmq")} | {Rate(cases, "raw")} | ")
                .Append(Inv, $"**{PublishRatio(cases)}** | {Drain(cases, "in-process")} | {Drain(cases, "rabbitmq")} | {Drain(cases, "raw")} |")
                .AppendLine();
        }
        md.AppendLine();
        md.AppendLine("## Search round trip");
        md.AppendLine();
        md.AppendLine("| case | n | mean ms | p50 ms | p99 ms | max ms | failed | replies per search |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, label) in new[]
        {
            ("in-process", "in-process bus — `MediaManagerDiscovery.SearchAsync`"),
            ("rabbitmq", "RabbitMQ bus — `MediaManagerDiscovery.SearchAsync`"),
            ("raw", "raw RabbitMQ.Client request/reply"),
        })
        {
            if (Latency.TryGetValue(name, out var l))
            {
                md.AppendLine(Inv, $"| {label} | {l.Count} | {l.MeanMs:F3} | {l.P50Ms:F3} | {l.P99Ms:F3} | {l.MaxMs:F1} | {SearchFailures.GetValueOrDefault(name)} | {RepliesPerSearch.GetValueOrDefault(name):0.##} |");
            }
        }
        if (Latency.TryGetValue("rabbitmq", out var bus) && Latency.TryGetValue("raw", out var raw))
        {
            md.AppendLine(Inv, $"| **RabbitMQ bus ÷ raw** | | **{bus.MeanMs / raw.MeanMs:F2}** | **{bus.P50Ms / raw.P50Ms:F2}** | **{bus.P99Ms / raw.P99Ms:F2}** | | | |");
        }
        md.AppendLine();
        md.Append(Inv, $"Media managers counted by the directory when the search cases started (a search waits for a reply from each): {string.Join(", ", Managers.Select(m => $"{m.Key} {m.Value}"))}. ")
            .Append("More than one reply per search on RabbitMQ means another process's simulator on the same broker was answering too, and the bus waited for it.")
            .AppendLine();
        md.AppendLine();
        md.AppendLine("## What the numbers mean");
        md.AppendLine();
        md.Append("- The in-process bus publishes by serialising the message and putting the bytes in each matching queue; a publish does not wait ")
            .Append("for the consumer, so its rate is bounded by the one consumer parsing every message (bounded queues push back on publishers).")
            .AppendLine();
        md.Append("- RabbitMQ bus ÷ raw is what the adapter adds to a hand-written client loop on the same broker: JSON serialisation per publish, ")
            .Append("renting a pooled confirming channel (at most `RabbitMq:PublishChannels` = 8, so 16 in flight share 8 channels where the raw loop has 16), ")
            .Append("the operation budget (a linked timeout per publish) — and, on the consumer side, one JSON parse per delivery. With one publish in flight ")
            .Append("both are bound by the confirm round trip to the broker; with 16 the broker's and the client's CPU (2 cores shared with everything else) is the limit.")
            .AppendLine();
        md.Append("- The search round trip on RabbitMQ is two confirmed publishes (request, reply) and two deliveries, as the raw loop; the bus adds building the `search_req` from the kapi table, the ")
            .Append("requester's copy and stamp of the request, the simulator's parse, validation and reply building, and the requester's parse and `Msg-ID` ")
            .Append("matching. The in-process figure is the same code path without a broker: the cost of the kapi layer and the simulator alone.")
            .AppendLine();
        md.Append("- This machine is shared (other builds, tests and agents use the same cores and, unless run.sh started one, the same broker): ")
            .Append("compare the ratios measured side by side in one run, not absolute figures across runs.")
            .AppendLine();
        return md.ToString();
    }

    public object ToJson() => new
    {
        date = started,
        broker = Broker,
        cores = Environment.ProcessorCount,
        seconds_per_round = settings.Round.TotalSeconds,
        rounds = settings.Rounds,
        command_bytes = CommandBytes,
        request_bytes = RequestBytes,
        reply_bytes = ReplyBytes,
        throughput = Throughput.ToDictionary(t => t.Key.ToString(Inv), t => t.Value),
        latency = Latency,
        search_failures = SearchFailures,
        replies_per_search = RepliesPerSearch,
        managers = Managers,
    };

    private static string Rate(Dictionary<string, ThroughputResult> cases, string name) =>
        cases.TryGetValue(name, out var r) ? r.PublishedPerSecond.ToString("F0", Inv) : "—";

    private static string Drain(Dictionary<string, ThroughputResult> cases, string name) =>
        cases.TryGetValue(name, out var r) ? r.ConsumedPerSecond.ToString("F0", Inv) + (r.Consumed < r.Published ? $" ({r.Consumed}/{r.Published})" : string.Empty) : "—";

    private static string PublishRatio(Dictionary<string, ThroughputResult> cases) =>
        cases.TryGetValue("rabbitmq", out var bus) && cases.TryGetValue("raw", out var raw)
            ? (bus.PublishedPerSecond / raw.PublishedPerSecond).ToString("F2", Inv)
            : "—";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
                ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
                : RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
