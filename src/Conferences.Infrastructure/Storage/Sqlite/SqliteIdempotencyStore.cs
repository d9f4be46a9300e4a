using Conferences.Core.Idempotency;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// <c>Idempotency-Key</c>s in a SQLite file of their own beside the documents (ADR 0011): a claim is one
/// INSERT-if-absent on a kept-open connection with <c>synchronous=NORMAL</c> (a process crash loses nothing; a power
/// loss may forget the newest keys, never a document), the kept answers are written in batches after the answers went out.
/// </summary>
public sealed class SqliteIdempotencyStore : IIdempotencyStore, IAsyncDisposable
{
    // an expired entry under the id is taken over in the same statement; bound by position: ?1 id, ?2 account,
    // ?3 fingerprint, ?4 claim, ?5 expires, ?6 now
    private const string ClaimSql = """
        INSERT INTO idempotency_keys (id, account_id, fingerprint, claim, expires) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, fingerprint = excluded.fingerprint, claim = excluded.claim,
            expires = excluded.expires, status = NULL, headers = NULL, body = NULL
        WHERE idempotency_keys.expires <= ?6;
        """;
    private const string ReadSql = "SELECT account_id, fingerprint, claim, expires, status, headers, body FROM idempotency_keys WHERE id = $id;";
    private const string ReleaseSql = "DELETE FROM idempotency_keys WHERE id = $id AND claim = $claim;";
    private const string SweepEndSql = "SELECT max(id) FROM (SELECT id FROM idempotency_keys WHERE id > $after ORDER BY id LIMIT 500);";
    private const string SweepSql = "DELETE FROM idempotency_keys WHERE id > $after AND id <= $end AND expires <= $now;";

    private readonly SqliteIdempotencySession session;
    private readonly SqliteIdempotencyAnswers answers;

    public SqliteIdempotencyStore(IOptions<SqliteStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        session = new SqliteIdempotencySession(options.Value);
        answers = new SqliteIdempotencyAnswers(session);
    }

    public async Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (won, held) = await session.RunAsync(commands =>
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (commands.Statement(ClaimSql).Bind(1, claim.Id).Bind(2, claim.AccountId).Bind(3, claim.Fingerprint)
                    .Bind(4, claim.Claim).Bind(5, claim.Expires).Bind(6, now).Execute() == 1)
                {
                    return (true, claim);
                }
                if (Read(commands.Get(ReadSql), claim.Id) is { } existing)
                {
                    return (false, existing);
                }
            }
            return (false, (IdempotencyEntry?)null);
        }, ct).ConfigureAwait(false);
        if (won)
        {
            answers.Committed();
        }
        return held;
    }

    /// <summary>Queues the answer; the task ends once its batch is written.</summary>
    public Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(answer);
        return answers.Enqueue(claim, answer, expires);
    }

    public async Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await session.RunAsync(commands => commands.Get(ReleaseSql).Bind("$id", claim.Id).Bind("$claim", claim.Claim).ExecuteNonQuery(), ct).ConfigureAwait(false);
        answers.Committed();
    }

    /// <summary>
    /// Walks the keys in their order, 500 at a time, so that claims of every instance wait for
    /// one batch at most; without an index on the expiry every key is read once per sweep.
    /// </summary>
    public async Task<int> RemoveExpiredAsync(long now, CancellationToken ct)
    {
        var removed = 0;
        var after = "";
        while (true)
        {
            var (end, batch) = await session.RunAsync(commands =>
            {
                if (commands.Get(SweepEndSql).Bind("$after", after).ExecuteScalar() is not string last)
                {
                    return ((string?)null, 0);
                }
                return (last, commands.Get(SweepSql).Bind("$after", after).Bind("$end", last).Bind("$now", now).ExecuteNonQuery());
            }, ct).ConfigureAwait(false);
            if (end is null)
            {
                return removed;
            }
            removed += batch;
            after = end;
            if (batch > 0)
            {
                answers.Committed();
            }
        }
    }

    /// <summary>Writes the answers still queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await answers.FlushAsync().ConfigureAwait(false);
        await session.DisposeAsync().ConfigureAwait(false);
    }

    private static IdempotencyEntry? Read(SqliteCommand command, string id)
    {
        using var reader = command.Bind("$id", id).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var answer = reader.IsDBNull(4) ? null : new IdempotentAnswer(
            reader.GetInt32(4),
            (JsonNode.Parse(reader.GetString(5)) as JsonObject ?? []).ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase),
            (byte[])reader.GetValue(6));
        return new IdempotencyEntry(id, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), answer);
    }
}
