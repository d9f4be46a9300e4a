namespace Conferences.Api.OpenApi;

/// <summary>
/// Documentation shape of a participant action's success envelope: <c>data</c> is a message string (<c>"ok"</c>,
/// <c>"relating participants"</c>) or, for the bulk actions, the conference document (<c>cb_conferences:put/3</c>).
/// </summary>
public sealed record ParticipantActionEnvelope : SuccessEnvelope<JsonNode>;
