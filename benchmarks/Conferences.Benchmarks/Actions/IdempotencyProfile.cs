using System.Diagnostics;
using System.Text.Json.Nodes;
using Conferences.Benchmarks.Bus;
using Conferences.Core.Idempotency;
using Conferences.Core.Storage;
using Conferences.Infrastructure.Storage;
using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conferences.Benchmarks.Actions;

/// <summary>
/// Where a keyed PUT's extra time goes, each step of the Idempotency-Key timed alone in a loop: the request's
/// fingerprint, the claim and the kept answer on the keys as SQLite documents (the former path), on the SQLite key
/// table (the embedded store's port) and, with <c>BENCH_COUCHDB</c>, as CouchDB documents.
/// </summary>
public static class IdempotencyProfile
{
    public static async Task<IReadOnlyList<(string Step, LatencyResult Result)>> RunAsync(string? couchDb, double seconds)
    {
        var envelope = JsonNode.Parse("""{"data":{"action":"mute"}}""")!.AsObject();
        var query = new Dictionary<string, string>();
        var fingerprint = new List<double>();
        await ForAsync(seconds, () =>
        {
            var started = Stopwatch.GetTimestamp();
            IdempotencyFingerprint.Of("PUT", "/v2/accounts/0123456789abcdef0123456789abcdef/conferences/bench/participants/12", query, envelope);
            IdempotencyKeys.DocumentId("0123456789abcdef0123456789abcdef", Guid.NewGuid().ToString("N"));
            fingerprint.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Task.CompletedTask;
        });
        var steps = new List<(string, LatencyResult)> { ("fingerprint + key id (SHA-256 twice)", LatencyResult.From(fingerprint)) };
        var file = Path.Combine(Path.GetTempPath(), $"conferences-bench-keys-{Guid.NewGuid():N}.db");
        var options = Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" });
        try
        {
            await using (var documents = new SqliteDocumentStore(options))
            {
                steps.AddRange(await StepsAsync("SQLite documents (before: fsync'd commits)", new DocumentIdempotencyStore(documents), seconds));
            }
            await using (var table = new SqliteIdempotencyStore(options))
            {
                steps.AddRange(await StepsAsync("SQLite key table (now)", table, seconds));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var keys = Path.ChangeExtension(file, ".idempotency.db");
            foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm", keys, $"{keys}-wal", $"{keys}-shm" })
            {
                File.Delete(path);
            }
        }
        if (couchDb is not null)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "couchdb",
                ["ConnectionStrings:CouchDb"] = couchDb,
            }).Build();
            await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddStorage(configuration).BuildServiceProvider();
            steps.AddRange(await StepsAsync("CouchDB documents", new DocumentIdempotencyStore(services.GetRequiredService<IDocumentStore>()), seconds));
        }
        return steps;
    }

    private static async Task<IEnumerable<(string, LatencyResult)>> StepsAsync(string store, IIdempotencyStore keys, double seconds)
    {
        List<double> claims = [], answers = [];
        List<Task> pending = [];
        var queued = keys is SqliteIdempotencyStore;
        var answer = new IdempotentAnswer(201, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, new byte[420]);
        await ForAsync(seconds, async () =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var entry = new IdempotencyEntry(Guid.NewGuid().ToString("N"), "bench", "fingerprint", Guid.NewGuid().ToString("N"), now + 60_000);
            var started = Stopwatch.GetTimestamp();
            var held = await keys.ClaimAsync(entry, now, CancellationToken.None) ?? throw new InvalidOperationException("claim lost");
            claims.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            var stored = keys.CompleteAsync(held, answer, now + 120_000, CancellationToken.None);
            if (!queued)
            {
                await stored;
            }
            answers.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            pending.Add(stored);
        });
        await Task.WhenAll(pending);
        return [($"{store}: claim", LatencyResult.From(claims)), ($"{store}: kept answer{(queued ? " (the call; written in batches)" : "")}", LatencyResult.From(answers))];
    }

    private static async Task ForAsync(double seconds, Func<Task> once)
    {
        for (var i = 0; i < 20; i++)
        {
            await once();
        }
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await once();
        }
    }
}
