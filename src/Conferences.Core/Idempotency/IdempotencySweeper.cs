namespace Conferences.Core.Idempotency;

/// <summary>
/// Removes the key documents whose time is over (<c>idempotency/by_expiry</c>), so that keys expire on their own
/// and the database does not grow. Several instances may sweep at once: a document removed by another is skipped.
/// </summary>
public sealed class IdempotencySweeper(IDocumentStore store, IdempotencyKeys keys, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>One pass; returns how many expired documents it found.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await keys.EnsureDatabaseAsync(ct).ConfigureAwait(false);
        var found = 0;
        while (true)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var rows = await store.QueryViewAsync(IdempotencyKeys.Database, IdempotencyViews.ByExpiry,
                new ViewQuery { EndKey = IdempotencyViews.Key(now), Limit = Batch, IncludeDocs = true }, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.Document is { } doc && IdempotencyKeys.IsExpired(doc, now))
                {
                    await keys.RemoveAsync(row.Id, KazooJson.GetString(doc, KazooFields.Rev)!, ct).ConfigureAwait(false);
                }
            }
            found += rows.Count;
            if (rows.Count < Batch)
            {
                return found;
            }
        }
    }
}
