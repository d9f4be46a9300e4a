using Conferences.Core.Idempotency;
using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>What the embedded key store adds to the contract: a file of its own, answers queued and written on a clean stop (ADR 0011).</summary>
public sealed class SqliteIdempotencyStoreTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TemporarySqliteFile file = new("conferences-keys");

    [Fact]
    public async Task The_keys_live_in_a_file_of_their_own_beside_the_documents()
    {
        await using var keys = Store();

        await keys.ClaimAsync(Entry("key", 1_000), now: 0, Ct);

        var keyFile = Path.ChangeExtension(file.Path, ".idempotency.db");
        Assert.True(File.Exists(keyFile));
        Assert.Equal(1L, await ScalarAsync(keyFile, "SELECT count(*) FROM idempotency_keys;"));
        Assert.False(File.Exists(file.Path) && await ScalarAsync(file.Path, "SELECT count(*) FROM sqlite_master WHERE name = 'idempotency_keys';") is 1L);
    }

    [Fact]
    public async Task Answers_still_queued_are_written_when_the_store_stops_and_another_instance_replays_them()
    {
        var first = Store();
        var claims = Enumerable.Range(0, 5).Select(i => Entry($"key-{i}", 10_000)).ToArray();
        foreach (var claim in claims)
        {
            await first.ClaimAsync(claim, now: 0, Ct);
        }
        var answer = new IdempotentAnswer(201, new Dictionary<string, string> { ["ETag"] = "\"1\"" }, [1, 2, 3]);

        var stored = claims.Select(claim => first.CompleteAsync(claim, answer, 20_000, Ct)).ToArray();
        await first.DisposeAsync();
        await Task.WhenAll(stored);
        await using var second = Store();
        var held = await second.ClaimAsync(Entry("key-3", 10_000) with { Claim = "another" }, now: 1, Ct);

        Assert.Equal(claims[3].Claim, held!.Claim);
        Assert.Equal([1, 2, 3], held.Answer!.Body);
        Assert.Equal("\"1\"", held.Answer.Headers["etag"]);
        Assert.Equal(20_000, held.Expires);
    }

    [Fact]
    public async Task The_sweep_walks_every_key_in_batches_and_removes_only_the_expired_ones()
    {
        await using var keys = Store();
        var entries = Enumerable.Range(0, 1_234).Select(i => Entry($"key-{i}", i % 3 == 0 ? 1_000 : 50_000)).ToArray();
        foreach (var entry in entries)
        {
            await keys.ClaimAsync(entry, now: 0, Ct);
        }

        var removed = await keys.RemoveExpiredAsync(now: 2_000, Ct);

        Assert.Equal(entries.Count(e => e.Expires == 1_000), removed);
        Assert.Equal(0, await keys.RemoveExpiredAsync(now: 2_000, Ct));
        Assert.Equal((long)(entries.Length - removed), await ScalarAsync(Path.ChangeExtension(file.Path, ".idempotency.db"), "SELECT count(*) FROM idempotency_keys;"));
    }

    [Fact]
    public async Task The_expiry_index_of_earlier_files_is_dropped()
    {
        await using (var earlier = Store())
        {
            await earlier.ClaimAsync(Entry("key", 1_000), now: 0, Ct);
        }
        var keyFile = Path.ChangeExtension(file.Path, ".idempotency.db");
        await ExecuteAsync(keyFile, "CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires);");
        await using var keys = Store();

        await keys.ClaimAsync(Entry("another", 1_000), now: 0, Ct);

        Assert.Equal(0L, await ScalarAsync(keyFile, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'idempotency_keys_by_expiry';"));
    }

    [Fact]
    public async Task A_claim_on_a_key_file_locked_by_another_writer_is_unavailable_and_the_next_one_succeeds()
    {
        await using var keys = new SqliteIdempotencyStore(Options.Create(new SqliteStoreOptions { ConnectionString = file.ConnectionString, BusyTimeout = TimeSpan.FromMilliseconds(50) }));
        await keys.ClaimAsync(Entry("first", 1_000), now: 0, Ct);
        var keyFile = Path.ChangeExtension(file.Path, ".idempotency.db");
        var second = Entry("second", 1_000);

        await using (var writer = new SqliteConnection($"Data Source={keyFile};Pooling=False"))
        {
            await writer.OpenAsync();
            await using var lockIt = writer.CreateCommand();
            lockIt.CommandText = "BEGIN IMMEDIATE;";
            await lockIt.ExecuteNonQueryAsync();

            await Assert.ThrowsAsync<DatastoreUnavailableException>(() => keys.ClaimAsync(second, now: 0, Ct));
        }

        Assert.Equal(second.Claim, (await keys.ClaimAsync(second, now: 0, Ct))!.Claim);
    }

    public void Dispose() => file.Dispose();

    private SqliteIdempotencyStore Store() => new(Options.Create(new SqliteStoreOptions { ConnectionString = file.ConnectionString }));

    private static IdempotencyEntry Entry(string key, long expires) =>
        new(IdempotencyKeys.DocumentId("account", key), "account", "request", Guid.NewGuid().ToString("N"), expires);

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
