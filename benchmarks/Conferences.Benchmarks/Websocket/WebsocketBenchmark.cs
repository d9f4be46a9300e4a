using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conferences.Core.Blackhole;
using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// The websocket fan-out benchmark (issue 8), <c>ws ROOT [seconds-per-round] [rounds]</c>: 1,000 sockets of a client
/// process subscribed to 100 conferences (10 per conference) on the service's <c>/ws</c> (Kestrel, loopback, in-process
/// bus), and beside them on the same bus 1,000 plain bus subscriptions to 100 other conferences — the bare bus round
/// trip. Conference events are published as a media server publishes them; measured: deliveries per second for a
/// burst, the delay publish → frame received (websocket) or → handler (bus) at a paced rate, and the server's heap
/// per idle socket. Writes benchmarks/results/websocket.md and websocket.json.
/// </summary>
public static class WebsocketBenchmark
{
    public const int Conferences = 100;
    public const int PerConference = 10;
    public const int BurstEvents = 10_000;

    /// <summary>Routing keys timed per round by the routing-only case (the old scan takes about a millisecond each).</summary>
    public const int RoutedKeys = 2_000;

    /// <summary>2,000 frames per second over the 1,000 sockets: 2 events per second per conference.</summary>
    public const double PacedEventsPerSecond = 200;
    private const int MaxQueuedFrames = 256;
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = args.Count > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Count > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var report = new WebsocketReport { Rounds = rounds, PacedSeconds = seconds, Sockets = Conferences * PerConference, BurstEvents = BurstEvents };
        var ct = CancellationToken.None;

        var dbFile = Path.Combine(Path.GetTempPath(), $"conferences-ws-bench-{Guid.NewGuid():N}.db");
        var apiKey = new string('w', 64);
        await using var host = await ServiceHost.StartAsync(dbFile, apiKey, MaxQueuedFrames);
        var (account, token) = await host.MasterAsync(apiKey);
        var busConferences = Enumerable.Range(0, Conferences).Select(_ => KazooIds.NewId()).ToList();
        var socketConferences = Enumerable.Range(0, Conferences).Select(_ => KazooIds.NewId()).ToList();
        var events = new BenchEvents(host.Publisher, account);
        report.EventBytes = events.MessageBytes(busConferences[0]);

        var busSamples = new List<PhaseSamples>();
        var subscriptions = new List<IKapiSubscription>();
        foreach (var conf in busConferences)
        {
            for (var i = 0; i < PerConference; i++)
            {
                var samples = new PhaseSamples();
                busSamples.Add(samples);
                subscriptions.Add(await host.Subscriber.SubscribeAsync($"conference.event.*.{account}.{conf}.*", (delivery, _) =>
                {
                    var received = Stopwatch.GetTimestamp();
                    if (delivery.Message["Msg-ID"]?.GetValue<string>() is { } id && BenchEvents.TryParseMsgId(id, out var phase, out var published))
                    {
                        samples.Record(phase, published, received);
                    }
                    return Task.CompletedTask;
                }, ct));
            }
        }

        var before = HeapBytes();
        var workingSetBefore = Environment.WorkingSet;
        await using var clients = await ClientsProcess.StartAsync(host.WebsocketUri, token, account, PerConference, socketConferences);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        report.HeapBytesPerSocket = (HeapBytes() - before) / (double)report.Sockets;
        report.WorkingSetBytesPerSocket = (Environment.WorkingSet - workingSetBefore) / (double)report.Sockets;
        Console.WriteLine($"{report.Sockets} sockets subscribed: {report.HeapBytesPerSocket:F0} heap bytes per socket");

        var phase = 0;
        // publish returns how many events it sent; the phase ends when all their deliveries arrived
        async Task<Delivery> OnBusAsync(Func<int, Task<int>> publish)
        {
            var p = ++phase;
            var start = Stopwatch.GetTimestamp();
            var sent = await publish(p);
            await WaitUntilAsync(() => Task.FromResult(PhaseSamples.Count(busSamples, p)), sent * PerConference);
            var (latency, last) = PhaseSamples.Summarise(busSamples, p);
            return new Delivery(sent, latency.Count, Seconds(start, last), latency, 0);
        }
        async Task<Delivery> OnSocketsAsync(Func<int, Task<int>> publish)
        {
            var p = ++phase;
            var start = Stopwatch.GetTimestamp();
            var sent = await publish(p);
            await WaitUntilAsync(() => clients.CountAsync(p), sent * PerConference);
            var stats = await clients.StatsAsync(p);
            return new Delivery(sent, stats.Frames, Seconds(start, stats.LastReceived),
                new Bus.LatencyResult(stats.Frames, stats.MeanMs, stats.P50Ms, stats.P99Ms, stats.MaxMs), stats.Closed);
        }
        Func<int, Task<int>> Burst(IReadOnlyList<string> conferences, int count) => async p =>
        {
            await events.PublishAsync(p, conferences, count, ct);
            return count;
        };
        Func<int, Task<int>> Paced(IReadOnlyList<string> conferences, TimeSpan duration) =>
            p => events.PublishPacedAsync(p, conferences, report.PacedEventsPerSecond, duration, ct);

        await OnBusAsync(Burst(busConferences, 1_000));
        await OnSocketsAsync(Burst(socketConferences, 1_000));
        for (var round = 0; round < rounds; round++)
        {
            report.BusBursts.Add(await OnBusAsync(Burst(busConferences, BurstEvents)));
            report.SocketBursts.Add(await OnSocketsAsync(Burst(socketConferences, BurstEvents)));
            Console.WriteLine($"burst round {round + 1}: bus {report.BusBursts[^1].DeliveriesPerSecond:F0}/s, websocket {report.SocketBursts[^1].DeliveriesPerSecond:F0}/s");
        }

        // what publishing alone costs on this bus: events nobody receives, routed among the run's queues all the same
        var idleConferences = Enumerable.Range(0, Conferences).Select(_ => KazooIds.NewId()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            await events.PublishAsync(++phase, idleConferences, BurstEvents, ct);
            report.PublishOnly.Add(BurstEvents / Seconds(start, Stopwatch.GetTimestamp()));
        }

        // choosing the queues alone, with this run's bindings: the bus's index beside the scan it replaced
        var bindings = busConferences.SelectMany(conf => Enumerable.Repeat(KapiRoutingKeys.Event("*", account, conf, "*"), PerConference))
            .Concat(socketConferences.SelectMany(conf => Enumerable.Repeat(BlackholeBindingParser.Parse($"conference.event.{conf}.*", account).Binding!.AmqpBinding, PerConference)))
            .ToList();
        var allConferences = busConferences.Concat(socketConferences).Concat(idleConferences).ToList();
        var keys = Enumerable.Range(0, RoutedKeys).Select(i => events.RoutingKey(allConferences[i % allConferences.Count], i)).ToList();
        (report.RoutingScanMicros, report.RoutingIndexMicros) = RoutingCost.Measure(bindings, keys, rounds);
        report.RoutingBindings = bindings.Count;
        Console.WriteLine($"routing with {bindings.Count} bindings: scan {report.RoutingScanMicros:F1} µs, index {report.RoutingIndexMicros:F2} µs per publish");

        // the delay at a steady rate well inside what both sustain, the same in every run so runs compare
        report.PacedEventsPerSecond = PacedEventsPerSecond;
        var duration = TimeSpan.FromSeconds(seconds);
        for (var round = 0; round < rounds; round++)
        {
            report.BusPaced.Add(await OnBusAsync(Paced(busConferences, duration)));
            var gc = GcPauses.Start();
            report.SocketPaced.Add(await OnSocketsAsync(Paced(socketConferences, duration)));
            Console.WriteLine($"paced round {round + 1} at {report.PacedEventsPerSecond} events/s: p99 bus {report.BusPaced[^1].Latency.P99Ms:F2} ms, websocket {report.SocketPaced[^1].Latency.P99Ms:F2} ms; websocket round {gc}");
        }

        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
        var results = Path.Combine(root, "benchmarks/results");
        Directory.CreateDirectory(results);
        var markdown = report.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(results, "websocket.md"), markdown, ct);
        await File.WriteAllTextAsync(Path.Combine(results, "websocket.json"), JsonSerializer.Serialize(report.ToJson(), new JsonSerializerOptions { WriteIndented = true }), ct);
        Console.Write(markdown);
        TryDelete(dbFile);
        return 0;
    }

    private static async Task WaitUntilAsync(Func<Task<int>> count, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (await count() < expected)
        {
            if (clock.Elapsed > Wait)
            {
                throw new TimeoutException($"only {await count()} of {expected} deliveries within {Wait}");
            }
            await Task.Delay(50);
        }
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static long HeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void TryDelete(string dbFile)
    {
        foreach (var path in new[] { dbFile, $"{dbFile}-wal", $"{dbFile}-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // a leftover temp file is harmless
            }
        }
    }
}
