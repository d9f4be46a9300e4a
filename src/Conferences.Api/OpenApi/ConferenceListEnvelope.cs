namespace Conferences.Api.OpenApi;

public sealed record ConferenceListEnvelope(
    [property: JsonPropertyName("data")] IReadOnlyList<ConferenceDocument> Data,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("start_key")] string? StartKey,
    [property: JsonPropertyName("next_start_key")] string? NextStartKey,
    [property: JsonPropertyName("revision")] string? Revision,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] string Timestamp);
