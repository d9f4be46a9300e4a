namespace Conferences.Core.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c>s as documents of <see cref="IdempotencyKeys.Database"/> (the CouchDB provider): one per
/// account and key, its create the claim (the store refuses a second create of one id, so of concurrent duplicates
/// exactly one wins), its update the kept answer; expired ones are found through <c>idempotency/by_expiry</c>.
/// </summary>
public sealed class DocumentIdempotencyStore(IDocumentStore store) : IIdempotencyStore
{
    private const int SweepBatch = 200;
    private const string InProgress = "in_progress";
    private const string Completed = "completed";

    private int ensured;

    public async Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await EnsureDatabaseAsync(ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var document = ToDocument(claim);
                document[KazooFields.Created] = now;
                var revision = await store.SaveAsync(IdempotencyKeys.Database, document, ct).ConfigureAwait(false);
                return claim with { Revision = revision };
            }
            catch (DocumentConflictException)
            {
                var existing = await store.GetAsync(IdempotencyKeys.Database, claim.Id, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    continue;
                }
                var entry = FromDocument(existing);
                if (entry.Expires > now)
                {
                    return entry;
                }
                await RemoveAsync(claim.Id, entry.Revision!, ct).ConfigureAwait(false);
            }
        }
        return null;
    }

    public async Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(answer);
        var document = ToDocument(claim with { Expires = expires });
        document[KazooFields.Rev] = claim.Revision;
        document["answer"] = answer.ToJson();
        document["state"] = Completed;
        await store.SaveAsync(IdempotencyKeys.Database, document, ct).ConfigureAwait(false);
    }

    public Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return RemoveAsync(claim.Id, claim.Revision!, ct);
    }

    public async Task<int> RemoveExpiredAsync(long now, CancellationToken ct)
    {
        await EnsureDatabaseAsync(ct).ConfigureAwait(false);
        var found = 0;
        while (true)
        {
            var rows = await store.QueryViewAsync(IdempotencyKeys.Database, IdempotencyViews.ByExpiry,
                new ViewQuery { EndKey = IdempotencyViews.Key(now), Limit = SweepBatch, IncludeDocs = true }, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.Document is { } doc && FromDocument(doc).Expires <= now)
                {
                    await RemoveAsync(row.Id, KazooJson.GetString(doc, KazooFields.Rev)!, ct).ConfigureAwait(false);
                }
            }
            found += rows.Count;
            if (rows.Count < SweepBatch)
            {
                return found;
            }
        }
    }

    private static JsonObject ToDocument(IdempotencyEntry entry) => new()
    {
        [KazooFields.Id] = entry.Id,
        [KazooFields.Type] = IdempotencyKeys.DocumentType,
        [KazooFields.AccountId] = entry.AccountId,
        ["fingerprint"] = entry.Fingerprint,
        ["claim"] = entry.Claim,
        ["state"] = InProgress,
        ["pvt_expires"] = entry.Expires,
    };

    private static IdempotencyEntry FromDocument(JsonObject doc) => new(
        KazooJson.GetString(doc, KazooFields.Id)!,
        KazooJson.GetString(doc, KazooFields.AccountId) ?? "",
        KazooJson.GetString(doc, "fingerprint") ?? "",
        KazooJson.GetString(doc, "claim") ?? "",
        doc["pvt_expires"] is JsonValue expires && expires.GetValueKind() == JsonValueKind.Number ? (long)expires.GetValue<double>() : 0,
        KazooJson.GetString(doc, "state") == Completed && doc["answer"] is JsonObject answer ? IdempotentAnswer.FromJson(answer) : null)
    {
        Revision = KazooJson.GetString(doc, KazooFields.Rev),
    };

    private async Task RemoveAsync(string id, string revision, CancellationToken ct)
    {
        try
        {
            await store.DeleteAsync(IdempotencyKeys.Database, id, revision, ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // another instance removed or replaced it first: nothing left to do here
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref ensured) == 0)
        {
            await store.EnsureDatabaseAsync(IdempotencyKeys.Database, ct).ConfigureAwait(false);
            Volatile.Write(ref ensured, 1);
        }
    }
}
