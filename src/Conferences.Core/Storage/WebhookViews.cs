namespace Conferences.Core.Storage;

/// <summary>
/// The views of conference webhooks (docs/webhooks.md): <c>_design/conferences_webhooks</c> in every account database
/// (the webhooks and their delivery attempts) and <c>_design/webhook_outbox</c> in the <c>conferences_webhooks</c>
/// database (deliveries not yet made). Keys are strings that sort in the order the readers need.
/// </summary>
public static class WebhookViews
{
    public const string WebhookType = "conference_webhook";
    public const string AttemptType = "conference_webhook_attempt";
    public const string DeliveryType = "conference_webhook_delivery";

    /// <summary>The database of pending deliveries, leases and sequences, shared by every instance.</summary>
    public const string OutboxDatabase = "conferences_webhooks";

    private static readonly string[] ListingFields = ["name", "uri", "enabled", "events", "conference_ids", "include_subaccounts"];

    /// <summary><c>conferences_webhooks/crossbar_listing</c>: key = doc id, value = the list item's fields.</summary>
    public static readonly ViewDefinition Listing = ViewShapes.Listing("conferences_webhooks", WebhookType, ListingFields, withFlags: false);

    /// <summary><c>conferences_webhooks/attempts_by_webhook</c>: key = <c>{webhook_id}:{attempt key}</c>.</summary>
    public static readonly ViewDefinition AttemptsByWebhook = ViewShapes.ByPair("conferences_webhooks", "attempts_by_webhook", AttemptType, "webhook_id", "pvt_key");

    /// <summary><c>conferences_webhooks/attempts_by_time</c>: key = the attempt key (its time first).</summary>
    public static readonly ViewDefinition AttemptsByTime = new(
        "conferences_webhooks",
        "attempts_by_time",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference_webhook_attempt' || typeof doc.webhook_id !== 'string' || typeof doc.pvt_key !== 'string') { return; }
          emit(doc.pvt_key, null);
        }
        """,
        doc => Attempt(doc) is { } attempt ? [new(attempt.Key, null)] : []);

    /// <summary><c>webhook_outbox/pending</c>: key = <c>{webhook_id}:{ticket}</c>, the order a webhook's deliveries are made in.</summary>
    public static readonly ViewDefinition Pending = ViewShapes.ByPair("webhook_outbox", "pending", DeliveryType, "webhook_id", "ticket");

    private static (string Webhook, string Key)? Attempt(JsonObject doc) =>
        KazooJson.GetString(doc, KazooFields.Type) == AttemptType
        && KazooJson.GetString(doc, "webhook_id") is { } webhook && KazooJson.GetString(doc, "pvt_key") is { } key
            ? (webhook, key)
            : null;
}
