namespace Conferences.Core.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c>s of acting PUTs, kept in the document store so that every instance on one store agrees
/// (docs/compatibility.md, "Actions a script can trust"). One document per account and key: creating it claims the
/// key (the store refuses a second create of one id, so of concurrent duplicates exactly one runs), completing it
/// keeps the first answer until the key expires. An expired key, or a claim whose request stopped without
/// finishing, is removed by the next request under the key and by the <see cref="IdempotencySweeper"/>.
/// </summary>
public sealed class IdempotencyKeys(IDocumentStore store, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    /// <summary>The database of the keys: this service's own, beside Kazoo's.</summary>
    public const string Database = "conferences_idempotency";

    public const string DocumentType = "idempotency_key";

    private const string InProgress = "in_progress";
    private const string Completed = "completed";

    private int ensured;

    /// <summary>Claims <paramref name="key"/> for <paramref name="accountId"/>'s request <paramref name="fingerprint"/>, or says why not.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(string accountId, string key, string fingerprint, CancellationToken ct)
    {
        await EnsureDatabaseAsync(ct).ConfigureAwait(false);
        var id = DocumentId(accountId, key);
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var claim = new JsonObject
            {
                [KazooFields.Id] = id,
                [KazooFields.Type] = DocumentType,
                [KazooFields.AccountId] = accountId,
                ["fingerprint"] = fingerprint,
                ["state"] = InProgress,
                [KazooFields.Created] = now,
                ["pvt_expires"] = now + (long)options.Value.InProgressLease.TotalMilliseconds,
            };
            try
            {
                var revision = await store.SaveAsync(Database, claim, ct).ConfigureAwait(false);
                return new IdempotencyClaim(IdempotencyOutcome.Claimed, id, revision) { Document = claim };
            }
            catch (DocumentConflictException) when (attempt < 3)
            {
                var existing = await store.GetAsync(Database, id, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    continue;
                }
                if (IsExpired(existing, now))
                {
                    await RemoveAsync(id, KazooJson.GetString(existing, KazooFields.Rev)!, ct).ConfigureAwait(false);
                    continue;
                }
                return KazooJson.GetString(existing, "fingerprint") != fingerprint ? new(IdempotencyOutcome.Mismatch, id)
                    : KazooJson.GetString(existing, "state") == Completed && existing["answer"] is JsonObject answer
                        ? new(IdempotencyOutcome.Replay, id, Answer: IdempotentAnswer.FromJson(answer))
                        : new(IdempotencyOutcome.InProgress, id);
            }
        }
    }

    /// <summary>Keeps the request's answer under the claimed key until it expires.</summary>
    public async Task CompleteAsync(IdempotencyClaim claim, IdempotentAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(answer);
        var document = (JsonObject)claim.Document!.DeepClone();
        document[KazooFields.Rev] = claim.Revision;
        document["state"] = Completed;
        document["answer"] = answer.ToJson();
        document["pvt_expires"] = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)options.Value.Retention.TotalMilliseconds;
        await store.SaveAsync(Database, document, ct).ConfigureAwait(false);
    }

    /// <summary>Gives the key up: the request changed nothing (an error answer), so running it again is safe.</summary>
    public Task ReleaseAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return RemoveAsync(claim.DocumentId, claim.Revision!, ct);
    }

    /// <summary>Whether a key document's time is over (kept answer or abandoned claim), at <paramref name="nowMilliseconds"/>.</summary>
    public static bool IsExpired(JsonObject document, long nowMilliseconds) =>
        document["pvt_expires"]?.GetValue<long>() is not { } expires || expires <= nowMilliseconds;

    /// <summary>The document id: a digest of the account and the key, so any key text makes a valid id.</summary>
    public static string DocumentId(string accountId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}\n{key}")));

    internal async Task RemoveAsync(string id, string revision, CancellationToken ct)
    {
        try
        {
            await store.DeleteAsync(Database, id, revision, ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // another instance removed or replaced it first: nothing left to do here
        }
    }

    internal async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref ensured) == 0)
        {
            await store.EnsureDatabaseAsync(Database, ct).ConfigureAwait(false);
            Volatile.Write(ref ensured, 1);
        }
    }
}
