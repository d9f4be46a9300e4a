using System.Diagnostics;
using System.Text.Json.Nodes;
using Conferences.Core.Storage;
using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Conferences.Benchmarks.Webhooks;

/// <summary>
/// Where the store's time goes: outbox-like documents (1 KiB payload) written one per transaction, then ten per bulk
/// write, sequentially, on a fresh SQLite file in the benchmark's store directory; milliseconds per document.
/// </summary>
internal static class StoreWriteProbe
{
    private const int Documents = 400;
    private const int PerBulk = 10;

    public static async Task<(double SingleMs, double BulkMs)> RunAsync(string directory)
    {
        var file = Path.Combine(directory, $"conferences-bench-probe-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" }));
            await store.EnsureDatabaseAsync(WebhookViews.OutboxDatabase, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Documents; i++)
            {
                await store.SaveAsync(WebhookViews.OutboxDatabase, Delivery("single", i), CancellationToken.None);
            }
            var single = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Documents;
            started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Documents; i += PerBulk)
            {
                await store.SaveManyAsync(WebhookViews.OutboxDatabase, [.. Enumerable.Range(i, PerBulk).Select(n => Delivery("bulk", n))], CancellationToken.None);
            }
            return (single, Stopwatch.GetElapsedTime(started).TotalMilliseconds / Documents);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static JsonObject Delivery(string kind, int n) => new()
    {
        ["_id"] = $"{kind}-{n:D8}",
        ["pvt_type"] = WebhookViews.DeliveryType,
        ["webhook_id"] = kind,
        ["ticket"] = n.ToString("D17", System.Globalization.CultureInfo.InvariantCulture),
        ["payload"] = new JsonObject { ["event"] = "mute-member", ["padding"] = new string('x', 1024) },
    };
}
