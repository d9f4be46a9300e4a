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
    public Task<IActionResult> HandleAllParticipantsAction(string conference_id, CancellationToken ct) =>
        ActionResults.CreatedAsync(ActionRequestReader.ForParticipants(Crossbar, conference_id), request => actions.HandleParticipantsActionAsync(request, ct), "participants");

    /// <summary>Single-participant action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play).</summary>
    [Idempotent]
    [HttpPut("{participant_id}")]
    [EndpointSummary("Run an action on one participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public Task<IActionResult> HandleParticipantAction(string conference_id, string participant_id, CancellationToken ct) =>
        ActionResults.CreatedAsync(ActionRequestReader.ForParticipants(Crossbar, conference_id),
            request => actions.HandleParticipantActionAsync(request, participant_id, ct), "participants", participant_id);
}
