namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of Kazoo's error envelope (<c>crossbar_util:response/5</c>).</summary>
public sealed record ErrorEnvelope(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] JsonObject? Data,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("timestamp")] string Timestamp);
