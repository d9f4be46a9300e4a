namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a dial's <c>data</c> (<c>cb_conferences:dial/3</c>,
/// <c>kapi_conference:dial_resp/1</c>).</summary>
public sealed record DialResult(
    [property: JsonPropertyName("endpoint_responses")] IReadOnlyList<DialEndpointResponse>? EndpointResponses,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("message")] string? Message);

public sealed record DialEndpointResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("endpoint_id")] string? EndpointId,
    [property: JsonPropertyName("call_id")] string? CallId);
