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

    public async Task AddAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await store.SaveAsync(Database, delivery.ToDocument(), ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // already written by an earlier try of the same event: nothing to add
        }
    }

    /// <summary>The webhook's next deliveries, oldest ticket first.</summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, string Revision)>> NextAsync(string webhookId, int count, CancellationToken ct)
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
            .Select(p => (p.Delivery!, p.Revision))];
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

    public async Task RemoveAsync(WebhookDelivery delivery, string revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await store.DeleteAsync(Database, delivery.DocumentId, revision, ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // removed already
        }
    }
}
