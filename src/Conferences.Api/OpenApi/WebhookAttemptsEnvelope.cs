namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a delivery-attempts list (Swagger only).</summary>
public sealed record WebhookAttemptsEnvelope : SuccessEnvelope<IReadOnlyList<WebhookAttempt>>;

/// <summary>One attempt: when (Gregorian seconds), what, and how it went.</summary>
public sealed record WebhookAttempt(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("webhook_id")] string WebhookId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("conference_id")] string ConferenceId,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("latency_ms")] long LatencyMs,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("result")] string Result);
