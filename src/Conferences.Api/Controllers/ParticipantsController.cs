using Conferences.Core.Conferences;

namespace Conferences.Api.Controllers;

/// <summary>Participant reads from the live state (docs/compatibility.md D1, D3, D6) and actions
/// (<c>cb_conferences:participant_action/4</c>); "All" in the bulk action keeps OpenAPI operationIds apart.</summary>
[Route("v2/accounts/{account_id}/conferences/{conference_id}/participants")]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ParticipantsController(ConferenceParticipants participants, ParticipantActions actions) : AccountController
{
    [HttpGet("")]
    [EndpointSummary("List the participants of a running conference")]
    public async Task<IActionResult> ListParticipants(string conference_id, CancellationToken ct) =>
        Responses.Ok(await participants.ListAsync(Crossbar.AccountId, conference_id, ct));

    [HttpGet("{participant_id}")]
    [EndpointSummary("Read one participant of a running conference")]
    public async Task<IActionResult> GetParticipant(string conference_id, string participant_id, CancellationToken ct) =>
        Responses.Ok(await participants.GetAsync(Crossbar.AccountId, conference_id, participant_id, ct));

    /// <summary>Bulk action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play, relate).</summary>
    [Idempotent]
    [HttpPut("")]
    [EndpointSummary("Run an action on every participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleAllParticipantsAction(string conference_id, CancellationToken ct)
    {
        var request = ActionRequestReader.ForParticipants(Crossbar, conference_id);
        var result = await actions.HandleParticipantsActionAsync(request, ct);
        return ActionResults.Created(result, request, $"conferences/{Uri.EscapeDataString(conference_id)}/participants");
    }

    /// <summary>Single-participant action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play).</summary>
    [Idempotent]
    [HttpPut("{participant_id}")]
    [EndpointSummary("Run an action on one participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleParticipantAction(string conference_id, string participant_id, CancellationToken ct)
    {
        var request = ActionRequestReader.ForParticipants(Crossbar, conference_id);
        var result = await actions.HandleParticipantActionAsync(request, participant_id, ct);
        var path = $"conferences/{Uri.EscapeDataString(conference_id)}/participants/{Uri.EscapeDataString(participant_id)}";
        return ActionResults.Created(result, request, path);
    }
}
