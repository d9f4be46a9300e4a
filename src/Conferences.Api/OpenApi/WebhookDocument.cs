namespace Conferences.Api.OpenApi;

/// <summary>
/// Documentation shape of a conference webhook (the schema in <c>schemas/conferences_webhooks.json</c> is
/// authoritative); <c>secret</c> only in the answers of create and rotation.
/// </summary>
public sealed record WebhookDocument(
    string Id,
    string Name,
    string Uri,
    string HttpVerb,
    string Format,
    int Retries,
    IReadOnlyDictionary<string, string>? CustomData,
    bool Enabled,
    bool IncludeSubaccounts,
    IReadOnlyList<string> Events,
    IReadOnlyList<string>? ConferenceIds,
    string? Secret,
    [property: JsonPropertyName("_read_only")] WebhookReadOnly ReadOnly);

/// <summary>Why and when (Gregorian seconds) the service disabled the webhook; empty otherwise.</summary>
public sealed record WebhookReadOnly(
    string? DisabledReason,
    long? DisabledAt);
