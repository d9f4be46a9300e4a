namespace Conferences.Core.Storage;

/// <summary>
/// The views of conference webhooks (docs/webhooks.md): <c>_design/conferences_webhooks</c> in every account database
/// (the webhooks), <c>_design/webhook_outbox</c> (deliveries not yet made) and <c>_design/webhook_attempts</c> (the
/// attempt log) in the <c>conferences_webhooks</c> database. Keys are strings that sort in the order the readers need.
/// </summary>
public static class WebhookViews
{
    public const string WebhookType = "conference_webhook";
    public const string AttemptType = "conference_webhook_attempt";
    public const string DeliveryType = "conference_webhook_delivery";

    /// <summary>The database of pending deliveries, leases and sequences, shared by every instance.</summary>
    public const string OutboxDatabase = "conferences_webhooks";

    /// <summary>The account an attempt document of the shared outbox database belongs to.</summary>
    public const string AttemptAccountField = "pvt_account_id";

    private static readonly string[] ListingFields = ["name", "uri", "enabled", "events", "conference_ids", "include_subaccounts"];

    /// <summary><c>conferences_webhooks/crossbar_listing</c>: key = doc id, value = the list item's fields.</summary>
    public static readonly ViewDefinition Listing = ViewShapes.Listing("conferences_webhooks", WebhookType, ListingFields, withFlags: false);

    /// <summary><c>webhook_attempts/by_webhook</c> in the outbox database: key = <c>{webhook_id}:{attempt key}</c>.</summary>
    public static readonly ViewDefinition AttemptsByWebhook = ViewShapes.ByPair("webhook_attempts", "by_webhook", AttemptType, "webhook_id", "pvt_key");

    /// <summary><c>webhook_attempts/by_account</c> in the outbox database: key = <c>{account id}:{attempt key}</c> (its time first).</summary>
    public static readonly ViewDefinition AttemptsByAccount = ViewShapes.ByPair("webhook_attempts", "by_account", AttemptType, AttemptAccountField, "pvt_key");

    /// <summary><c>webhook_outbox/pending</c>: key = <c>{webhook_id}:{ticket}</c>, the order a webhook's deliveries are made in.</summary>
    public static readonly ViewDefinition Pending = ViewShapes.ByPair("webhook_outbox", "pending", DeliveryType, "webhook_id", "ticket");
}
