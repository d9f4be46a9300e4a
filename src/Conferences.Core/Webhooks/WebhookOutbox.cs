namespace Conferences.Core.Webhooks;

/// <summary>
/// The durable outbox of deliveries not yet made, in the <c>conferences_webhooks</c> database of the document store
/// (SQLite embedded, CouchDB shared by every instance): written before the event is acknowledged, removed once the
/// receiver answered 2xx, so pending deliveries survive a restart (docs/webhooks.md, "Delivery guarantees").
/// </summary>
public sealed class WebhookOutbox(IDocumentStore store)
{
    private const string Database = WebhookViews.OutboxDatabase;

    public Task EnsureAsync(CancellationToken ct) => store.EnsureDatabaseAsync(Database, ct);

    /// <summary>
    /// One event's deliveries to every matching webhook in one bulk write. A delivery already there (an earlier try
    /// of the same event wrote it) comes back without a revision.
    /// </summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, string? Revision)>> AddAllAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var results = await store.SaveManyAsync(Database, [.. deliveries.Select(d => d.ToDocument())], ct).ConfigureAwait(false);
        return [.. deliveries.Select((d, i) => (d, results[i].Revision))];
    }

    /// <summary>The webhook's next deliveries, oldest ticket first.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> NextAsync(string webhookId, int count, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(Database, KazooViews.WebhookPending, new ViewQuery
        {
            StartKey = webhookId + ":",
            EndKey = webhookId + ";",
            Limit = count,
            IncludeDocs = true,
        }, ct).ConfigureAwait(false);
        return [.. rows.Where(r => r.Document is not null)
            .Select(r => (Delivery: WebhookDelivery.From(r.Document!), Revision: KazooJson.GetString(r.Document!, KazooFields.Rev) ?? string.Empty))
            .Where(p => p.Delivery is not null)
            .Select(p => new PendingDelivery(p.Delivery!, p.Revision))];
    }

    /// <summary>The webhooks that have pending deliveries: one row per webhook, found by skipping past each one's keys.</summary>
    public async Task<IReadOnlyList<string>> WebhooksWithPendingAsync(int max, CancellationToken ct)
    {
        var found = new List<string>();
        string? from = null;
        while (found.Count < max)
        {
            var rows = await store.QueryViewAsync(Database, KazooViews.WebhookPending, new ViewQuery { StartKey = from, Limit = 1 }, ct)
                .ConfigureAwait(false);
            if (rows.Count == 0)
            {
                break;
            }
            var webhook = rows[0].Key[..rows[0].Key.IndexOf(':', StringComparison.Ordinal)];
            found.Add(webhook);
            from = webhook + ";"; // ';' sorts right after ':', past every key of this webhook
        }
        return found;
    }

    /// <summary>
    /// Removes done deliveries and adds attempt-log documents in one bulk write (one SQLite transaction, one CouchDB
    /// <c>_bulk_docs</c>); a delivery removed already is left as it is.
    /// </summary>
    public async Task SettleAsync(IReadOnlyList<PendingDelivery> done, IReadOnlyList<JsonObject> attempts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(attempts);
        if (done.Count + attempts.Count > 0)
        {
            await store.SaveManyAsync(Database, [.. attempts, .. done.Select(p => BulkSaveResult.Removal(p.Delivery.DocumentId, p.Revision))], ct)
                .ConfigureAwait(false);
        }
    }
}
