using System.Diagnostics;
using System.Globalization;
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
    internal const int Members = 10;
    internal const int Warmup = 30;

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

        var profile = await IdempotencyProfile.RunAsync(Environment.GetEnvironmentVariable("BENCH_COUCHDB"), seconds);
        await ActionsReport.WriteAsync(root, cases, profile, rabbitMq, seconds, rounds);
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
            var (member, appliedMember, keyedMember, plainMember) = (members[0], members[1], members[2], members[3]);
            await using var bare = await BareRoundTrip.StartAsync(host.Publisher, host.Subscriber);

            for (var i = 0; i < Warmup; i++)
            {
                await trip.SingleAsync(member);
                await trip.BulkAsync();
                await trip.AppliedAsync(appliedMember);
                await trip.KeyedPutAsync(keyedMember);
                await trip.PlainPutAsync(plainMember);
                await bare.OnceAsync();
            }
            List<double> action = [], put = [], applied = [], keyed = [], plain = [], bulk = [], bareSamples = [];
            for (var round = 0; round < rounds; round++)
            {
                await ForAsync(seconds, async () =>
                {
                    var (total, putOnly) = await trip.SingleAsync(member);
                    action.Add(total);
                    put.Add(putOnly);
                });
                await ForAsync(seconds, async () => applied.Add(await trip.AppliedAsync(appliedMember)));
                // side by side: a plain PUT and a keyed PUT (two members) in turn, so both see the same moment's load
                await ForAsync(seconds, async () =>
                {
                    plain.Add(await trip.PlainPutAsync(plainMember));
                    keyed.Add(await trip.KeyedPutAsync(keyedMember));
                });
                await ForAsync(seconds, async () => bareSamples.Add(await bare.OnceAsync()));
                await ForAsync(seconds, async () => bulk.Add(await trip.BulkAsync()));
            }
            var result = new BusCase(bus, LatencyResult.From(action), LatencyResult.From(put), LatencyResult.From(bulk), LatencyResult.From(bareSamples))
            {
                Applied = LatencyResult.From(applied),
                Keyed = LatencyResult.From(keyed),
                Plain = LatencyResult.From(plain),
            };
            Console.WriteLine($"{bus}: action p50 {result.Action.P50Ms:F2} p99 {result.Action.P99Ms:F2} ms; bare p50 {result.Bare.P50Ms:F3} p99 {result.Bare.P99Ms:F3} ms; bulk p99 {result.Bulk.P99Ms:F2} ms");
            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var keys = Path.ChangeExtension(dbFile, ".idempotency.db");
            foreach (var path in new[] { dbFile, $"{dbFile}-wal", $"{dbFile}-shm", keys, $"{keys}-wal", $"{keys}-shm" })
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

    internal sealed record BusCase(string Bus, LatencyResult Action, LatencyResult Put, LatencyResult Bulk, LatencyResult Bare)
    {
        public required LatencyResult Applied { get; init; }

        public required LatencyResult Keyed { get; init; }

        /// <summary>The plain PUT measured in turn with <see cref="Keyed"/>.</summary>
        public required LatencyResult Plain { get; init; }
    }
}
