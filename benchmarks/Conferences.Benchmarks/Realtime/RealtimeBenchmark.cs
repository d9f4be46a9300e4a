using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Conferences.Benchmarks.Realtime;

/// <summary>
/// The realtime benchmark (issue 6), <c>realtime ROOT [seconds-per-round] [rounds]</c>: the live conference state's
/// memory and event ingestion rate in this process, then — with <c>BENCH_RABBITMQ</c> — GET and list of running
/// conferences next to idle ones through the API. Writes benchmarks/results/realtime.md and realtime.json.
/// </summary>
public static class RealtimeBenchmark
{
    private const int MemoryConferences = 10_000;
    private const int MemoryMembers = 10;
    private const int StreamConferences = 2_000;
    private const int StreamMembers = 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = args.Count > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Count > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var rabbitMq = Environment.GetEnvironmentVariable("BENCH_RABBITMQ");

        var memory = LiveStateMeasurements.Memory(MemoryConferences, MemoryMembers);
        Console.WriteLine($"memory: {memory.Bytes / 1048576.0:F1} MiB for {memory.Conferences} conferences, {memory.Participants} participants");
        var apply = LiveStateMeasurements.ApplyRate(StreamConferences, StreamMembers, rounds);
        var readApply = LiveStateMeasurements.ReadAndApplyRate(StreamConferences, StreamMembers, rounds);
        var parseApply = LiveStateMeasurements.ParseReadAndApplyRate(StreamConferences, StreamMembers, rounds);
        var bus = await LiveStateMeasurements.InProcessBusRateAsync(StreamConferences / 4, StreamMembers, rounds);
        Console.WriteLine($"ingestion: apply {apply:F0}/s, read+apply {readApply:F0}/s, parse+read+apply {parseApply:F0}/s, in-process bus {bus:F0}/s");
        var http = rabbitMq is null ? [] : await new RealtimeHttp(root, rabbitMq, seconds, rounds).RunAsync();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Realtime benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; Release build.");
        report.AppendLine();
        report.AppendLine("## Live state (in this process)");
        report.AppendLine();
        report.AppendLine("| measure | value | goal |");
        report.AppendLine("|---|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| memory, {memory.Conferences:N0} conferences × {MemoryMembers} participants ({memory.Participants:N0}) | **{memory.Bytes / 1048576.0:F1} MiB** ({memory.Bytes / (double)memory.Participants:F0} bytes per participant) | ≤ 250 MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ingestion, apply path (`LiveConferenceState.Apply` of read events) | **{apply:N0} events/s** | ≥ 50,000 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ingestion, read + apply (`LiveEvent.TryRead` of the parsed message, then apply: the feed's work per delivery) | **{readApply:N0} events/s** | ≥ 50,000 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ingestion from the wire bytes (JSON parse as a bus adapter does per delivery, read, apply) | **{parseApply:N0} events/s** | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ingestion end to end through the in-process bus (serialise, queue, parse, read, apply; joins ask their conference search, with no media manager known) | **{bus:N0} events/s** | |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Memory: `GC.GetTotalMemory(true)` before and after applying the create and add-member events of every conference to a new state (each event made, read and applied one at a time, so only the state stays reachable). Participants carry Kazoo-sized `Custom-Channel-Vars` (8 keys) and the 12 channel vars. Ingestion streams: {StreamConferences:N0} conferences (a quarter of that through the bus) each living a whole life of {LiveStateMeasurements.EventsPerLife(StreamMembers)} events (create, {StreamMembers} joins, 4 talking toggles and a mute/unmute per member, {StreamMembers} leaves, destroy); median of {rounds} rounds after a warm-up.");
        report.AppendLine();
        if (http.Count == 0)
        {
            report.AppendLine("HTTP cases skipped: set BENCH_RABBITMQ (benchmarks/run.sh starts a broker).");
        }
        else
        {
            report.AppendLine("## Through the API");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"API = Release build in its own process, embedded SQLite store, `Messaging:Provider=rabbitmq` ({new Uri(rabbitMq!).Host}:{new Uri(rabbitMq!).Port}), telemetry on (`Telemetry:MetricsUrl` set, `Telemetry:Traces=true`, every trace recorded, none exported), the simulator on the same broker in the benchmark process. Account *live*: 1,000 conferences, the first 100 in list order running with 10 participants each (one moderator), so page 1 (50 items) is all running; account *idle*: 1,000 conferences, none running. 4 closed-loop workers, {rounds} alternating rounds of {seconds} s per case, median round.");
            report.AppendLine();
            report.AppendLine("| case | running bytes | idle bytes | running req/s | idle req/s | **throughput ratio** | running p50 ms | running p99 ms | idle p50 ms | idle p99 ms | **p99 ratio** | API CPU µs per request, running / idle | ratio | bare Kestrel, same bytes: running ÷ idle req/s | bare Kestrel CPU µs per request, running / idle |");
            report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var c in http)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.RunningBody.Length} | {c.IdleBody.Length} | {c.Running.RequestsPerSecond:F0} | {c.Idle.RequestsPerSecond:F0} | **{c.ThroughputRatio:F2}** | {c.Running.P50Ms:F2} | {c.Running.P99Ms:F2} | {c.Idle.P50Ms:F2} | {c.Idle.P99Ms:F2} | **{c.P99Ratio:F2}** | {c.RunningCpuUs:F0} / {c.IdleCpuUs:F0} | {c.CpuRatio:F2} | {c.BareRatio:F2} | {c.BareRunningCpuUs:F0} / {c.BareIdleCpuUs:F0} |");
            }
            report.AppendLine();
            report.AppendLine("The gzip cases ask with `Accept-Encoding: gzip` and inflate every answer, as a browser running Monster UI does; their byte columns are the compressed bytes on the wire, and their bare endpoint answers those same compressed bytes.");
            report.AppendLine();
            report.AppendLine("Goals: GET of a running conference with 10 participants ≥ 0.9 × the throughput of GET of an idle one; list p99 within 1.2 × the idle list's. The running GET answers more bytes (its `participants`, D6 objects) than the idle one: the ratio includes rendering them, and the last column shows what the difference in bytes alone costs: a bare Kestrel endpoint answering the running variant's bytes ÷ the same endpoint answering the idle variant's, in the same rounds and client. This machine is shared: compare ratios measured side by side, not absolute figures across runs.");
        }

        var results = Path.Combine(root, "benchmarks/results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "realtime.md"), report.ToString());
        await File.WriteAllTextAsync(Path.Combine(results, "realtime.json"), JsonSerializer.Serialize(new
        {
            memory_bytes = memory.Bytes,
            memory.Conferences,
            memory.Participants,
            apply_events_per_second = apply,
            read_apply_events_per_second = readApply,
            parse_read_apply_events_per_second = parseApply,
            in_process_bus_events_per_second = bus,
            http = http.Select(c => new { c.Name, running = c.Running, idle = c.Idle, throughput_ratio = c.ThroughputRatio, p99_ratio = c.P99Ratio, api_cpu_us = new { running = c.RunningCpuUs, idle = c.IdleCpuUs }, bare_ratio = c.BareRatio, bare_cpu_us = new { running = c.BareRunningCpuUs, idle = c.BareIdleCpuUs } }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.Write(report);
        return 0;
    }
}
