using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Conferences.Benchmarks.Websocket;

/// <summary>What the websocket benchmark measured, as benchmarks/results/websocket.md (and websocket.json).</summary>
public sealed class WebsocketReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;

    public int Rounds { get; init; }

    public double PacedSeconds { get; init; }

    public int Sockets { get; init; }

    public int BurstEvents { get; init; }

    public int EventBytes { get; set; }

    public double HeapBytesPerSocket { get; set; }

    public double WorkingSetBytesPerSocket { get; set; }

    public double PacedEventsPerSecond { get; set; }

    public List<Delivery> BusBursts { get; } = [];

    public List<Delivery> SocketBursts { get; } = [];

    public List<Delivery> BusPaced { get; } = [];

    public List<Delivery> SocketPaced { get; } = [];

    /// <summary>Events published per second to conferences nobody subscribed to (the bus still matches every queue).</summary>
    public List<double> PublishOnly { get; } = [];

    /// <summary>Bindings of the routing-only case (one per queue: the run's bus subscriptions and sockets).</summary>
    public int RoutingBindings { get; set; }

    /// <summary>Microseconds to choose the queues of one publish by scanning every binding (the bus before its index).</summary>
    public double RoutingScanMicros { get; set; }

    /// <summary>Microseconds to choose the queues of one publish with the bus's routing index.</summary>
    public double RoutingIndexMicros { get; set; }

    public static Delivery Median(List<Delivery> runs) => runs.OrderBy(r => r.DeliveriesPerSecond).ElementAt(runs.Count / 2);

    private static Delivery MedianP99(List<Delivery> runs) => runs.OrderBy(r => r.Latency.P99Ms).ElementAt(runs.Count / 2);

    public string ToMarkdown()
    {
        var (busBurst, socketBurst) = (Median(BusBursts), Median(SocketBursts));
        var (busPaced, socketPaced) = (MedianP99(BusPaced), MedianP99(SocketPaced));
        var closed = SocketBursts.Concat(SocketPaced).Max(d => d.ClosedSockets);
        var md = new StringBuilder();
        md.AppendLine(Inv, $"# Websocket fan-out benchmark — {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.Append(Inv, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release build, shared with other work (ratios matter, not absolute figures). ")
            .Append(Inv, $"**Websocket**: {Sockets:N0} sockets of a client process (`ClientWebSocket`) on the service's `/ws` (Kestrel on loopback, in-process bus), ")
            .Append(Inv, $"{WebsocketBenchmark.PerConference} per conference on {WebsocketBenchmark.Conferences} conferences, each subscribed to `conference.event.{{conf}}.*` (the API's `BlackholeEventHub` holds one exclusive bus queue per conference, shared by its {WebsocketBenchmark.PerConference} sockets). ")
            .Append(Inv, $"**Bus**: in the same service process and on the same bus, {Sockets:N0} plain subscriptions (`conference.event.*.{{acct}}.{{conf}}.*`, {WebsocketBenchmark.PerConference} per conference) on {WebsocketBenchmark.Conferences} other conferences — the bare bus round trip. ")
            .Append(Inv, $"Events: Kazoo conference `event` messages (`start-talking`/`stop-talking` with caller id, custom and conference channel vars, {EventBytes} bytes), published on `conference` as the media server publishes them, round robin over the conferences; ")
            .Append("each event reaches 10 receivers. Delay = publish (timestamp in the `Msg-ID`) → frame received by the client process (websocket) or → handler entered (bus), on the machine's monotonic clock. ")
            .Append(Inv, $"**Burst**: {BurstEvents:N0} events published back to back, deliveries/s = deliveries ÷ time from the first publish to the last receipt; {Rounds} alternating rounds, median. ")
            .Append(Inv, $"**Publish only**: the same burst to {WebsocketBenchmark.Conferences} conferences nobody subscribed to — the publishing cost alone (serialising the event and choosing its queues among the {Sockets + WebsocketBenchmark.Conferences:N0} of the run). ")
            .Append(Inv, $"**Routing only**: choosing the queues of {WebsocketBenchmark.RoutedKeys:N0} publishes (round robin over the subscribed and the idle conferences) with the run's {RoutingBindings:N0} bindings, in process, no delivery: the in-process bus's index (plain keys in a dictionary, patterns in a word trie) beside the linear scan it replaced (every binding through `KapiRoutingKeys.TopicMatches`), {Rounds} alternating rounds, median. ")
            .Append(Inv, $"**Paced**: {PacedEventsPerSecond:N0} events/s (2 per conference per second, 2,000 frames/s) for {PacedSeconds:0.#} s per round, {Rounds} alternating rounds, the round with the median p99.")
            .AppendLine();
        md.AppendLine();
        md.AppendLine("| case | events | deliveries | deliveries/s | events/s | ratio websocket ÷ bus |");
        md.AppendLine("|---|---|---|---|---|---|");
        md.AppendLine(Inv, $"| burst, bus | {busBurst.Events:N0} | {busBurst.Deliveries:N0} | {busBurst.DeliveriesPerSecond:N0} | {busBurst.EventsPerSecond:N0} | |");
        md.AppendLine(Inv, $"| burst, websocket | {socketBurst.Events:N0} | {socketBurst.Deliveries:N0} | {socketBurst.DeliveriesPerSecond:N0} | {socketBurst.EventsPerSecond:N0} | {socketBurst.DeliveriesPerSecond / busBurst.DeliveriesPerSecond:F2} |");
        md.AppendLine(Inv, $"| publish only (no receiver) | {BurstEvents:N0} | 0 | | {PublishOnly.Order().ElementAt(PublishOnly.Count / 2):N0} | |");
        md.AppendLine();
        md.AppendLine("| routing only | bindings | µs per publish | publishes/s | ratio scan ÷ index |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine(Inv, $"| linear scan (before) | {RoutingBindings:N0} | {RoutingScanMicros:F1} | {1e6 / RoutingScanMicros:N0} | |");
        md.AppendLine(Inv, $"| index (now) | {RoutingBindings:N0} | {RoutingIndexMicros:F2} | {1e6 / RoutingIndexMicros:N0} | {RoutingScanMicros / RoutingIndexMicros:N0} |");
        md.AppendLine();
        md.AppendLine("| case | rate events/s | deliveries | delay p50 ms | delay p99 ms | max ms | p99 ratio websocket ÷ bus |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        md.AppendLine(Inv, $"| paced, bus | {PacedEventsPerSecond:N0} | {busPaced.Deliveries:N0} | {busPaced.Latency.P50Ms:F2} | {busPaced.Latency.P99Ms:F2} | {busPaced.Latency.MaxMs:F2} | |");
        md.AppendLine(Inv, $"| paced, websocket | {PacedEventsPerSecond:N0} | {socketPaced.Deliveries:N0} | {socketPaced.Latency.P50Ms:F2} | {socketPaced.Latency.P99Ms:F2} | {socketPaced.Latency.MaxMs:F2} | {socketPaced.Latency.P99Ms / busPaced.Latency.P99Ms:F2} |");
        md.AppendLine();
        md.AppendLine(Inv, $"Memory per idle socket (connected and subscribed, server process): **{HeapBytesPerSocket / 1024:F1} KiB** of GC heap (heap after a full collection with the {Sockets:N0} sockets open, minus before, ÷ {Sockets:N0}); working set {WorkingSetBytesPerSocket / 1024:F1} KiB per socket. Sockets closed by the server during the run: {closed}.");
        md.AppendLine();
        md.AppendLine("Rounds (deliveries/s; p99 ms):");
        md.AppendLine();
        md.AppendLine(Inv, $"* burst bus: {string.Join(", ", BusBursts.Select(d => d.DeliveriesPerSecond.ToString("N0", Inv)))}; burst websocket: {string.Join(", ", SocketBursts.Select(d => d.DeliveriesPerSecond.ToString("N0", Inv)))}");
        md.AppendLine(Inv, $"* paced bus p99: {string.Join(", ", BusPaced.Select(d => d.Latency.P99Ms.ToString("F2", Inv)))}; paced websocket p99: {string.Join(", ", SocketPaced.Select(d => d.Latency.P99Ms.ToString("F2", Inv)))}");
        return md.ToString();
    }

    public object ToJson() => new
    {
        started,
        sockets = Sockets,
        conferences = WebsocketBenchmark.Conferences,
        per_conference = WebsocketBenchmark.PerConference,
        event_bytes = EventBytes,
        heap_bytes_per_socket = HeapBytesPerSocket,
        working_set_bytes_per_socket = WorkingSetBytesPerSocket,
        paced_events_per_second = PacedEventsPerSecond,
        bus_bursts = BusBursts,
        socket_bursts = SocketBursts,
        bus_paced = BusPaced,
        socket_paced = SocketPaced,
        publish_only_events_per_second = PublishOnly,
        routing_bindings = RoutingBindings,
        routing_scan_microseconds = RoutingScanMicros,
        routing_index_microseconds = RoutingIndexMicros,
    };
}
