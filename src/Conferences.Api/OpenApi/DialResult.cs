namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a dial's <c>data</c> (<c>cb_conferences:dial/3</c>,
/// <c>kapi_conference:dial_resp/1</c>).</summary>
public sealed record DialResult(
    IReadOnlyList<DialEndpointResponse>? EndpointResponses,
    string? Status,
    string? Message);

public sealed record DialEndpointResponse(
    string Status,
    string Message,
    string? EndpointId,
    string? CallId);
