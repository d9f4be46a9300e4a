namespace Conferences.Core.Webhooks;

/// <summary>
/// Keeps each webhook's attempt log bounded: the newest <see cref="WebhookOptions.AttemptsKept"/>, none older than
/// <see cref="WebhookOptions.AttemptsMaxAge"/>. Run for a webhook after its attempts are written, once a tenth of the
/// kept count was written since its last pruning (or an hour passed), so the log exceeds its bound by a tenth at most.
/// </summary>
public sealed class WebhookAttemptPruner(IDocumentStore store, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const int MaxRemoved = 500;
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (int Written, DateTimeOffset Pruned)> since = new(StringComparer.Ordinal);

    /// <summary>Notes <paramref name="written"/> new attempts of the webhook; prunes its log when they are enough.</summary>
    public async Task WrittenAsync(string webhookId, int written, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seen = since.AddOrUpdate(webhookId, _ => (written, DateTimeOffset.MinValue), (_, s) => (s.Written + written, s.Pruned));
        if (seen.Written < Math.Max(1, options.Value.AttemptsKept / 10) && now - seen.Pruned < Every)
        {
            return;
        }
        since[webhookId] = (0, now);
        await PruneAsync(webhookId, ct).ConfigureAwait(false);
    }

    /// <summary>Removes (up to 500 at a time) the webhook's attempts past the count or older than the age.</summary>
    public async Task PruneAsync(string webhookId, CancellationToken ct)
    {
        const string db = WebhookViews.OutboxDatabase;
        var kept = options.Value.AttemptsKept;
        var cutoff = (clock.GetUtcNow() - options.Value.AttemptsMaxAge).ToUnixTimeMilliseconds();
        var end = $"{webhookId}:{cutoff:D15}";
        var newest = await store.QueryViewAsync(db, KazooViews.WebhookAttempts,
            new ViewQuery { StartKey = webhookId + ";", EndKey = webhookId + ":", Descending = true, Limit = kept + 1 }, ct).ConfigureAwait(false);
        if (newest.Count > kept && string.CompareOrdinal(newest[kept].Key, end) > 0)
        {
            end = newest[kept].Key; // the newest one past the count: it and everything older go
        }
        var old = await store.QueryViewAsync(db, KazooViews.WebhookAttempts,
            new ViewQuery { StartKey = webhookId + ":", EndKey = end, Limit = MaxRemoved, IncludeDocs = true }, ct).ConfigureAwait(false);
        var removals = old.Where(r => r.Document is not null)
            .Select(r => BulkSaveResult.Removal(r.Id, KazooJson.GetString(r.Document!, KazooFields.Rev)!))
            .ToList();
        if (removals.Count > 0)
        {
            await store.SaveManyAsync(db, removals, ct).ConfigureAwait(false);
        }
    }
}
