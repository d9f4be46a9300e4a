using Conferences.Core.Idempotency;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// <c>Idempotency-Key</c>s in a table of the store's SQLite file (ADR 0011): a claim is one INSERT-if-absent, an
/// answer one UPDATE, on one kept-open connection with its statements prepared and <c>synchronous=NORMAL</c> (a
/// process crash loses nothing; a power loss may forget the newest keys, never a document).
/// </summary>
public sealed class SqliteIdempotencyStore(IOptions<SqliteStoreOptions> options) : IIdempotencyStore, IAsyncDisposable
{
    private const string ClaimSql = """
        INSERT INTO idempotency_keys (id, account_id, fingerprint, claim, expires) VALUES ($id, $account, $fingerprint, $claim, $expires)
        ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, fingerprint = excluded.fingerprint, claim = excluded.claim,
            expires = excluded.expires, status = NULL, headers = NULL, body = NULL
        WHERE idempotency_keys.expires <= $now
        RETURNING claim;
        """;
    private const string ReadSql = "SELECT account_id, fingerprint, claim, expires, status, headers, body FROM idempotency_keys WHERE id = $id;";
    private const string CompleteSql = "UPDATE idempotency_keys SET expires = $expires, status = $status, headers = $headers, body = $body WHERE id = $id AND claim = $claim;";
    private const string ReleaseSql = "DELETE FROM idempotency_keys WHERE id = $id AND claim = $claim;";
    private const string SweepSql = "DELETE FROM idempotency_keys WHERE expires <= $now;";

    private readonly SqliteIdempotencySession session = new(options.Value);

    public Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return session.RunAsync(commands =>
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var won = commands.Get(ClaimSql).Bind("$id", claim.Id).Bind("$account", claim.AccountId).Bind("$fingerprint", claim.Fingerprint)
                    .Bind("$claim", claim.Claim).Bind("$expires", claim.Expires).Bind("$now", now).ExecuteScalar();
                if (won is string)
                {
                    return claim;
                }
                if (Read(commands.Get(ReadSql), claim.Id) is { } held)
                {
                    return held;
                }
            }
            return null;
        }, ct);
    }

    public Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(answer);
        var headers = new JsonObject([.. answer.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]).ToJsonString();
        return session.RunAsync(commands =>
        {
            var changed = commands.Get(CompleteSql).Bind("$id", claim.Id).Bind("$claim", claim.Claim).Bind("$expires", expires)
                .Bind("$status", answer.Status).Bind("$headers", headers).Bind("$body", answer.Body).ExecuteNonQuery();
            return changed == 1 ? true : throw new DocumentConflictException(IdempotencyKeys.Database, claim.Id);
        }, ct);
    }

    public Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return session.RunAsync(commands => commands.Get(ReleaseSql).Bind("$id", claim.Id).Bind("$claim", claim.Claim).ExecuteNonQuery(), ct);
    }

    public Task<int> RemoveExpiredAsync(long now, CancellationToken ct) =>
        session.RunAsync(commands => commands.Get(SweepSql).Bind("$now", now).ExecuteNonQuery(), ct);

    public ValueTask DisposeAsync() => session.DisposeAsync();

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
