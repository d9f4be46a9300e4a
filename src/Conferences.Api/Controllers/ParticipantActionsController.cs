using Conferences.Api.Crossbar;
using Conferences.Core.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Conferences.Api.Controllers;

/// <summary>
/// PUT <c>…/conferences/{conference_id}/participants[/{participant_id}]</c>: the participant actions of
/// <c>cb_conferences.erl</c> (<c>HandleParticipantsAction</c>, <c>HandleParticipantAction</c>; kazoo-reference §1.9,
/// §1.10, profile D2, D3). Answers 201 like every Kazoo PUT (§1.3). The bulk action is named HandleAllParticipantsAction
/// here: the action name is the OpenAPI operationId, and one letter apart is too close in a generated client.
/// </summary>
[CrossbarAccount]
[Route("v2/accounts/{account_id}/conferences/{conference_id}/participants")]
[Produces(EnvelopeWriter.JsonContentType)]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ParticipantActionsController(ParticipantActions actions) : ControllerBase
{
    /// <summary>Bulk action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play, relate).</summary>
    [HttpPut("")]
    [EndpointSummary("Run an action on every participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleAllParticipantsAction(string conference_id, CancellationToken ct)
    {
        var context = HttpContext.GetCrossbarContext();
        var result = await actions.HandleParticipantsActionAsync(context, conference_id, ct);
        var conference = Uri.EscapeDataString(conference_id);
        // Kazoo's action answers carry a Location of the request path plus "/{conference_id}" (kazoo-reference §1.3)
        return ActionResults.Created(result, $"/v2/accounts/{context.AccountId}/conferences/{conference}/participants/{conference}");
    }

    /// <summary>Single-participant action: <c>{"data":{"action":"mute"}}</c> (mute, unmute, deaf, undeaf, kick, play).</summary>
    [HttpPut("{participant_id}")]
    [EndpointSummary("Run an action on one participant of a conference")]
    [ProducesResponseType(typeof(OpenApi.ParticipantActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleParticipantAction(string conference_id, string participant_id, CancellationToken ct)
    {
        var context = HttpContext.GetCrossbarContext();
        var result = await actions.HandleParticipantActionAsync(context, conference_id, participant_id, ct);
        var conference = Uri.EscapeDataString(conference_id);
        return ActionResults.Created(result, $"/v2/accounts/{context.AccountId}/conferences/{conference}/participants/{Uri.EscapeDataString(participant_id)}/{conference}");
    }
}
