using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conferences.Api.OpenApi;

/// <summary>
/// Documentation shape of a participant action's success envelope: <c>data</c> is a message string (<c>"ok"</c>,
/// <c>"relating participants"</c>) or, for the bulk mute/unmute/deaf/undeaf/kick, the conference document
/// (<c>cb_conferences:handle_participants_action/3</c>, <c>perform_participant_action/3</c>).
/// </summary>
public sealed record ParticipantActionEnvelope(
    [property: JsonPropertyName("data")] JsonNode Data,
    [property: JsonPropertyName("revision")] string? Revision,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("auth_token")] string? AuthToken,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("timestamp")] string Timestamp);
