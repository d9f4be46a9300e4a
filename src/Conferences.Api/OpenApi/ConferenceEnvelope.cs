using System.Text.Json.Serialization;

namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a single-conference success envelope (Swagger only; the wire is written by EnvelopeWriter).</summary>
public sealed record ConferenceEnvelope(
    [property: JsonPropertyName("data")] ConferenceDocument Data,
    [property: JsonPropertyName("revision")] string? Revision,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("auth_token")] string? AuthToken,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("timestamp")] string Timestamp);
