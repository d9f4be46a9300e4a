namespace Conferences.Api.OpenApi;

/// <summary>
/// Documentation shape of a conference webhook (the schema in <c>schemas/conferences_webhooks.json</c> is
/// authoritative); <c>secret</c> only in the answers of create and rotation.
/// </summary>
public sealed record WebhookDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("http_verb")] string HttpVerb,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("retries")] int Retries,
    [property: JsonPropertyName("custom_data")] IReadOnlyDictionary<string, string>? CustomData,
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("include_subaccounts")] bool IncludeSubaccounts,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("conference_ids")] IReadOnlyList<string>? ConferenceIds,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("_read_only")] WebhookReadOnly ReadOnly);

/// <summary>Why and when (Gregorian seconds) the service disabled the webhook; empty otherwise.</summary>
public sealed record WebhookReadOnly(
    [property: JsonPropertyName("disabled_reason")] string? DisabledReason,
    [property: JsonPropertyName("disabled_at")] long? DisabledAt);
