namespace Conferences.Core.Webhooks;

/// <summary>
/// One pending delivery of one event to one webhook, as the outbox keeps it (<c>conference_webhook_delivery</c> in the
/// <c>conferences_webhooks</c> database): <see cref="Ticket"/> orders a webhook's deliveries, <see cref="Body"/>
/// is the JSON text sent and signed, kept as one string so the store neither walks nor re-renders it.
/// </summary>
public sealed record WebhookDelivery(
    string WebhookId,
    string AccountId,
    string Ticket,
    string EventId,
    string EventName,
    string ConferenceId,
    long Sequence,
    string Body)
{
    public string DocumentId => $"{WebhookId}-{Ticket}";

    public JsonObject ToDocument() => new()
    {
        [KazooFields.Id] = DocumentId,
        [KazooFields.Type] = WebhookViews.DeliveryType,
        ["webhook_id"] = WebhookId,
        ["account_id"] = AccountId,
        ["ticket"] = Ticket,
        ["event_id"] = EventId,
        ["event"] = EventName,
        ["conference_id"] = ConferenceId,
        ["sequence"] = Sequence,
        ["body"] = Body,
    };

    public static WebhookDelivery? From(JsonObject doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return KazooJson.GetString(doc, "webhook_id") is { } webhook && KazooJson.GetString(doc, "account_id") is { } account
            && KazooJson.GetString(doc, "ticket") is { } ticket && BodyOf(doc) is { } body
            ? new WebhookDelivery(webhook, account, ticket, KazooJson.GetString(doc, "event_id") ?? string.Empty,
                KazooJson.GetString(doc, "event") ?? string.Empty, KazooJson.GetString(doc, "conference_id") ?? string.Empty,
                KazooJson.GetLong(doc, "sequence") ?? 0, body)
            : null;
    }

    // deliveries written before the body was kept as text carry it as the object "payload"
    private static string? BodyOf(JsonObject doc) =>
        KazooJson.GetString(doc, "body") ?? (doc["payload"] is JsonObject payload ? payload.ToJsonString(KazooJson.WireOptions) : null);
}
