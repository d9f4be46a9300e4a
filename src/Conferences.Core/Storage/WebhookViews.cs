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
    public static readonly ViewDefinition Listing = new(
        "conferences_webhooks",
        "crossbar_listing",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference_webhook' || doc.pvt_deleted) { return; }
          var item = { id: doc._id };
          ['name', 'uri', 'enabled', 'events', 'conference_ids', 'include_subaccounts'].forEach(function(field) {
            if (doc[field] !== undefined) { item[field] = doc[field]; }
          });
          emit(doc._id, item);
        }
        """,
        MapListing);

    /// <summary><c>conferences_webhooks/attempts_by_webhook</c>: key = <c>{webhook_id}:{attempt key}</c>.</summary>
    public static readonly ViewDefinition AttemptsByWebhook = new(
        "conferences_webhooks",
        "attempts_by_webhook",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference_webhook_attempt' || typeof doc.webhook_id !== 'string' || typeof doc.pvt_key !== 'string') { return; }
          emit(doc.webhook_id + ':' + doc.pvt_key, null);
        }
        """,
        doc => Attempt(doc) is { } attempt ? [new($"{attempt.Webhook}:{attempt.Key}", null)] : []);

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
    public static readonly ViewDefinition Pending = new(
        "webhook_outbox",
        "pending",
        """
        function(doc) {
          if (doc.pvt_type !== 'conference_webhook_delivery' || typeof doc.webhook_id !== 'string' || typeof doc.ticket !== 'string') { return; }
          emit(doc.webhook_id + ':' + doc.ticket, null);
        }
        """,
        MapPending);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapListing(JsonObject doc)
    {
        if (!KazooFields.IsLive(doc, WebhookType))
        {
            yield break;
        }
        var id = KazooJson.GetString(doc, KazooFields.Id) ?? string.Empty;
        var item = new JsonObject { ["id"] = id };
        foreach (var field in ListingFields)
        {
            ViewMaps.CopyIfPresent(doc, field, item, field);
        }
        yield return new(id, item);
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapPending(JsonObject doc)
    {
        if (KazooJson.GetString(doc, KazooFields.Type) == DeliveryType
            && KazooJson.GetString(doc, "webhook_id") is { } webhook && KazooJson.GetString(doc, "ticket") is { } ticket)
        {
            yield return new($"{webhook}:{ticket}", null);
        }
    }

    private static (string Webhook, string Key)? Attempt(JsonObject doc) =>
        KazooJson.GetString(doc, KazooFields.Type) == AttemptType
        && KazooJson.GetString(doc, "webhook_id") is { } webhook && KazooJson.GetString(doc, "pvt_key") is { } key
            ? (webhook, key)
            : null;
}
