namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape: <c>data</c> is a message string, or the conference for bulk actions
/// (<c>cb_conferences:put/3</c>).</summary>
public sealed record ParticipantActionEnvelope : SuccessEnvelope<JsonNode>;
