namespace Conferences.Api.OpenApi;

/// <summary>
/// Documentation shape of a dial answer's <c>data</c>: the media manager's <c>endpoint_responses</c> or an error
/// status (<c>cb_conferences:dial/3</c>, <c>kapi_conference:dial_resp/1</c>).
/// </summary>
public sealed record DialResult(
    [property: JsonPropertyName("endpoint_responses")] IReadOnlyList<DialEndpointResponse>? EndpointResponses,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>One dialled endpoint: <c>success</c> with "dialing endpoints" and the leg's call id, or <c>error</c> with the reason (<c>USER_BUSY</c>, <c>timeout</c>, …).</summary>
public sealed record DialEndpointResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("endpoint_id")] string? EndpointId,
    [property: JsonPropertyName("call_id")] string? CallId);
