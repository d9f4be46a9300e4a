namespace Conferences.Core.Webhooks;

/// <summary>A stored webhook document as delivery reads it (docs/webhooks.md).</summary>
public sealed record Webhook(
    string Id,
    string AccountId,
    Uri Uri,
    string HttpVerb,
    int Retries,
    JsonObject? CustomData,
    bool Enabled,
    bool IncludeSubaccounts,
    IReadOnlySet<string>? Events,
    IReadOnlySet<string>? ConferenceIds,
    string Secret)
{
    public const string AllEvents = "all";

    /// <summary>Null for a document delivery cannot use (no secret or no absolute URI: not written by this service).</summary>
    public static Webhook? From(JsonObject doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (KazooJson.GetString(doc, KazooFields.Id) is not { } id || KazooJson.GetString(doc, KazooFields.AccountId) is not { } account
            || KazooJson.GetString(doc, WebhookStore.SecretField) is not { } secret
            || !Uri.TryCreate(KazooJson.GetString(doc, "uri"), UriKind.Absolute, out var uri))
        {
            return null;
        }
        var events = Strings(doc["events"]);
        return new Webhook(
            id,
            account,
            uri,
            KazooJson.GetString(doc, "http_verb") ?? "post",
            (int)Math.Clamp(KazooJson.GetLong(doc, "retries") ?? 2, 0, 4),
            doc["custom_data"] as JsonObject,
            doc["enabled"] is not JsonValue enabled || !enabled.TryGetValue<bool>(out var on) || on,
            KazooJson.GetBool(doc, "include_subaccounts"),
            events is null || events.Contains(AllEvents) ? null : events,
            Strings(doc["conference_ids"]),
            secret);
    }

    public bool Matches(string eventName, string conferenceId) =>
        Enabled && (Events is null || Events.Contains(eventName)) && (ConferenceIds is null || ConferenceIds.Contains(conferenceId));

    private static HashSet<string>? Strings(JsonNode? node) => node is JsonArray array
        ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
        : null;
}
