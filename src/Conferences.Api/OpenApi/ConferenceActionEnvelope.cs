using System.Text.Json.Serialization;

namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a conference action's success envelope (dial shown; other actions answer a message string).</summary>
public sealed record ConferenceActionEnvelope(
    [property: JsonPropertyName("data")] DialResult Data,
    [property: JsonPropertyName("revision")] string? Revision,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("auth_token")] string? AuthToken,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("timestamp")] string Timestamp);
