using Conferences.Core.Conferences;

namespace Conferences.Api.Controllers;

/// <summary>
/// <c>…/conferences/{conference_id}/participants[/{participant_id}]</c>: the reads from the live conference state
/// (docs/compatibility.md D1, D3, D6) and the actions (<c>cb_conferences:handle_participants_action/3</c>,
/// <c>participant_action/4</c>). The bulk action is HandleAllParticipantsAction: the action name is the OpenAPI
/// operationId, and one letter apart is too close in a generated client.
/// </summary>
[CrossbarAccount]
[Route("v2/accounts/{account_id}/conferences/{conference_id}/participants")]
[Produces(EnvelopeWriter.JsonContentType)]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ParticipantsController(ConferenceParticipants participants, ParticipantActions actions) : ControllerBase
{
    [HttpGet("")]
    [EndpointSummary("List the participants of a running conference")]
    public async Task<IActionResult> ListParticipants(string conference_id, CancellationToken ct) =>
        Responses.Ok(await participants.ListAsync(HttpContext.GetCrossbarContext().AccountId, conference_id, ct));

    [HttpGet("{participant_id}")]
    [EndpointSummary("Read one participant of a running conference")]
    public async Task<IActionResult> GetParticipant(string conference_id, string participant_id, CancellationToken ct) =>
        Responses.Ok(await participants.GetAsync(HttpContext.GetCrossbarContext().AccountId, conference_id, participant_id, ct));

    /// <summary>Bulk action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play, relate).</summary>
    [Idempotent]
    [HttpPut("")]
    [EndpointSummary("Run an action on every participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleAllParticipantsAction(string conference_id, CancellationToken ct)
    {
        var request = ActionRequestReader.ForParticipants(HttpContext.GetCrossbarContext(), conference_id);
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
        var request = ActionRequestReader.ForParticipants(HttpContext.GetCrossbarContext(), conference_id);
        var result = await actions.HandleParticipantActionAsync(request, participant_id, ct);
        var path = $"conferences/{Uri.EscapeDataString(conference_id)}/participants/{Uri.EscapeDataString(participant_id)}";
        return ActionResults.Created(result, request, path);
    }
}
