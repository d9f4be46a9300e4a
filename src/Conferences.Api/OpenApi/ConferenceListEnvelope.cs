namespace Conferences.Api.OpenApi;

public sealed record ConferenceListEnvelope(
    IReadOnlyList<ConferenceDocument> Data,
    int PageSize,
    string? StartKey,
    string? NextStartKey,
    string? Revision,
    string RequestId,
    string Status,
    string Timestamp);
