namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a delivery-attempts list (Swagger only).</summary>
public sealed record WebhookAttemptsEnvelope : SuccessEnvelope<IReadOnlyList<WebhookAttempt>>;

/// <summary>One attempt: when (Gregorian seconds), what, and how it went.</summary>
public sealed record WebhookAttempt(
    string Id,
    string WebhookId,
    long Timestamp,
    string Event,
    string EventId,
    string ConferenceId,
    long Sequence,
    int Attempt,
    int? Status,
    long LatencyMs,
    string? Error,
    string Result);
