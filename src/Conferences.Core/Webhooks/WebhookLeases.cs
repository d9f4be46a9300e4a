namespace Conferences.Core.Webhooks;

/// <summary>
/// Which instance delivers a webhook's pending deliveries: a lease document per webhook in the outbox database, taken
/// and renewed through the store's revisions (a taken lease is a conflict), so one instance at a time sends a
/// webhook's deliveries, in order, and another takes over when it stops renewing (docs/webhooks.md).
/// </summary>
public sealed class WebhookLeases(IDocumentStore store, TimeProvider clock, IOptions<WebhookOptions> options)
{
    private readonly ConcurrentDictionary<string, string> revisions = new(StringComparer.Ordinal);

    /// <summary>This instance, as lease documents name their owner.</summary>
    public string Owner { get; } = KazooIds.NewId();

    /// <summary>Takes or renews the lease; false when another instance holds it.</summary>
    public async Task<bool> TryHoldAsync(string webhookId, CancellationToken ct)
    {
        var id = LeaseId(webhookId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var doc = await store.GetAsync(WebhookViews.OutboxDatabase, id, ct).ConfigureAwait(false);
        if (doc is not null && KazooJson.GetString(doc, "owner") != Owner && (KazooJson.GetLong(doc, "expires") ?? 0) > now)
        {
            return false;
        }
        var lease = new JsonObject
        {
            [KazooFields.Id] = id,
            [KazooFields.Type] = "conference_webhook_lease",
            ["owner"] = Owner,
            ["expires"] = now + (long)options.Value.LeaseDuration.TotalMilliseconds,
        };
        if (doc is not null)
        {
            lease[KazooFields.Rev] = doc[KazooFields.Rev]?.DeepClone();
        }
        try
        {
            revisions[webhookId] = await store.SaveAsync(WebhookViews.OutboxDatabase, lease, ct).ConfigureAwait(false);
            return true;
        }
        catch (DocumentConflictException)
        {
            return false;
        }
    }

    /// <summary>Gives the lease up, so another instance need not wait for it to expire; a store that does not answer leaves it to expire.</summary>
    public async Task ReleaseAsync(string webhookId, CancellationToken ct)
    {
        if (!revisions.TryRemove(webhookId, out var rev))
        {
            return;
        }
        try
        {
            await store.DeleteAsync(WebhookViews.OutboxDatabase, LeaseId(webhookId), rev, ct).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // taken over meanwhile
        }
        catch (DatastoreUnavailableException)
        {
            // the store stayed locked (a large write): the lease expires by itself, and this instance, its owner, may take it again at once
        }
    }

    private static string LeaseId(string webhookId) => $"lease-{webhookId}";
}
