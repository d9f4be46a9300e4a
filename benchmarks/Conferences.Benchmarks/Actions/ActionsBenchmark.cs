using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Conferences.Benchmarks.Bus;
using Conferences.MediaServer.Control;

namespace Conferences.Benchmarks.Actions;

/// <summary>
/// The actions benchmark (issue 7), <c>actions ROOT [seconds-per-round] [rounds]</c>: the action round trip (PUT mute →
/// the participant shows muted in GET) on the in-process bus and — with <c>BENCH_RABBITMQ</c> — on RabbitMQ with the
/// simulator beside the API on the same broker, each in the same run as a bare publish → consume round trip on the
/// same bus. Writes benchmarks/results/actions.md and actions.json.
/// </summary>
public static class ActionsBenchmark
{
    private const int Members = 10;
    private const int Warmup = 30;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = args.Count > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Count > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var rabbitMq = Environment.GetEnvironmentVariable("BENCH_RABBITMQ");

        var cases = new List<BusCase> { await MeasureAsync("in-process", null, seconds, rounds) };
        if (rabbitMq is not null)
        {
            cases.Add(await MeasureAsync("rabbitmq", rabbitMq, seconds, rounds));
        }

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
        report.AppendLine("* **PUT + Idempotency-Key**: the PUT alone (a third member) with a new `Idempotency-Key` each time: the key claimed in the store before acting, the answer kept after.");
        report.AppendLine(CultureInfo.InvariantCulture, $"* **bulk round trip**: PUT `…/participants` mute (alternately unmute) → GET `…/participants` until all {Members} members show it ({Members} commands, {Members} events).");
        report.AppendLine("* **bare publish → consume**: the same `mute_participant` message published with the API's `IKapiPublisher` to an exclusive queue of the API's `IKapiSubscriber` on the same bus, until the handler runs — one bus hop, no HTTP.");
        report.AppendLine();
        report.AppendLine("| bus | case | samples | p50 ms | p99 ms | mean ms | max ms |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            foreach (var (name, result) in new[] { ("action round trip", c.Action), ("PUT wait=applied", c.Applied), ("PUT alone", c.Put), ("PUT + Idempotency-Key", c.Keyed), ("bulk round trip", c.Bulk), ("bare publish → consume", c.Bare) })
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
        report.AppendLine("| bus | wait=applied p50 / p99 ms | PUT-then-poll p50 / p99 ms | idempotency cost: keyed p50 − plain p50 | ÷ plain p50 | goal ≤ 10 % |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var cost = c.Keyed.P50Ms - c.Put.P50Ms;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Bus} | {c.Applied.P50Ms:F2} / {c.Applied.P99Ms:F2} | {c.Action.P50Ms:F2} / {c.Action.P99Ms:F2} | {cost:F2} ms | **{cost / c.Put.P50Ms:P0}** | {(cost / c.Put.P50Ms <= 0.10 ? "yes" : "**no**")} |");
        }
        report.AppendLine();
        if (rabbitMq is null)
        {
            report.AppendLine("RabbitMQ case skipped: set BENCH_RABBITMQ (benchmarks/run.sh starts a broker).");
            report.AppendLine();
        }
        report.AppendLine("The idempotency cost is two durable store writes per keyed request — the claim before acting (so that concurrent duplicates and other instances see it) and the kept answer after — each a SQLite commit in WAL mode with its fsync (or a CouchDB PUT); the plain PUT writes nothing, so the ratio compares a store write with an in-memory publish. A keep-alive client also waits for the second write before its next request is read.");
        report.AppendLine();
        report.AppendLine("The ratio says how many bare bus hops an action round trip costs; it includes two hops, the HTTP PUT and the GETs that poll for the change. This machine is shared by several agents: compare ratios measured side by side, not absolute figures across runs.");

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
            bulk_round_trip = c.Bulk,
            bare_publish_consume = c.Bare,
            p50_ratio = c.Action.P50Ms / c.Bare.P50Ms,
            p99_ratio = c.Action.P99Ms / c.Bare.P99Ms,
        }), new JsonSerializerOptions { WriteIndented = true }));
        Console.Write(report);
        return 0;
    }

    private static async Task<BusCase> MeasureAsync(string bus, string? rabbitMq, double seconds, int rounds)
    {
        var dbFile = Path.Combine(Path.GetTempPath(), $"conferences-bench-actions-{Guid.NewGuid():N}.db");
        var apiKey = new string('a', 64);
        try
        {
            await using var host = await ActionHost.StartAsync(dbFile, apiKey, rabbitMq);
            var (account, token) = await host.MasterAsync(apiKey);
            var conference = $"bench-{Guid.NewGuid():N}";
            for (var m = 0; m <= Members; m++)
            {
                await host.Simulator.AddParticipantAsync(new NewParticipant(conference, account)
                {
                    CallerIdName = $"Caller {m:D2}",
                    CallerIdNumber = $"+1555010{m:D4}",
                    Flags = m == 0 ? ["is_moderator"] : [],
                });
            }
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2 });
            var trip = new ActionRoundTrip(http, host.BaseUri, account, token, conference);
            var participants = await trip.WaitForParticipantsAsync(Members + 1);
            var members = participants.Where(p => !p!["is_moderator"]!.GetValue<bool>()).Select(p => p!["participant_id"]!.GetValue<long>()).ToArray();
            var (member, appliedMember, keyedMember) = (members[0], members[1], members[2]);
            await using var bare = await BareRoundTrip.StartAsync(host.Publisher, host.Subscriber);

            for (var i = 0; i < Warmup; i++)
            {
                await trip.SingleAsync(member);
                await trip.BulkAsync();
                await trip.AppliedAsync(appliedMember);
                await trip.KeyedPutAsync(keyedMember);
                await bare.OnceAsync();
            }
            List<double> action = [], put = [], applied = [], keyed = [], bulk = [], bareSamples = [];
            for (var round = 0; round < rounds; round++)
            {
                await ForAsync(seconds, async () =>
                {
                    var (total, putOnly) = await trip.SingleAsync(member);
                    action.Add(total);
                    put.Add(putOnly);
                });
                await ForAsync(seconds, async () => applied.Add(await trip.AppliedAsync(appliedMember)));
                await ForAsync(seconds, async () => keyed.Add(await trip.KeyedPutAsync(keyedMember)));
                await ForAsync(seconds, async () => bareSamples.Add(await bare.OnceAsync()));
                await ForAsync(seconds, async () => bulk.Add(await trip.BulkAsync()));
            }
            var result = new BusCase(bus, LatencyResult.From(action), LatencyResult.From(put), LatencyResult.From(bulk), LatencyResult.From(bareSamples))
            {
                Applied = LatencyResult.From(applied),
                Keyed = LatencyResult.From(keyed),
            };
            Console.WriteLine($"{bus}: action p50 {result.Action.P50Ms:F2} p99 {result.Action.P99Ms:F2} ms; bare p50 {result.Bare.P50Ms:F3} p99 {result.Bare.P99Ms:F3} ms; bulk p99 {result.Bulk.P99Ms:F2} ms");
            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { dbFile, $"{dbFile}-wal", $"{dbFile}-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task ForAsync(double seconds, Func<Task> once)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await once();
        }
    }

    private sealed record BusCase(string Bus, LatencyResult Action, LatencyResult Put, LatencyResult Bulk, LatencyResult Bare)
    {
        public required LatencyResult Applied { get; init; }

        public required LatencyResult Keyed { get; init; }
    }
}
