using Conferences.Api.Crossbar;
using Conferences.Core.Conferences;
using Microsoft.AspNetCore.Mvc;

namespace Conferences.Api.Controllers;

/// <summary>
/// <c>…/conferences/{conference_id}/participants</c> reads (kazoo-reference §1.6.3–§1.6.4, profile D1, D3, D6) from
/// the live conference state. A stored conference that is not running has no participants.
/// </summary>
[CrossbarAccount]
[Route("v2/accounts/{account_id}/conferences/{conference_id}/participants")]
[Produces(EnvelopeWriter.JsonContentType)]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ParticipantsController(ConferenceParticipants participants) : ControllerBase
{
    [HttpGet("")]
    [EndpointSummary("List the participants of a running conference")]
    public async Task<IActionResult> ListParticipants(string conference_id, CancellationToken ct) =>
        Responses.Ok(await participants.ListAsync(HttpContext.GetCrossbarContext(), conference_id, ct));

    [HttpGet("{participant_id}")]
    [EndpointSummary("Read one participant of a running conference")]
    public async Task<IActionResult> GetParticipant(string conference_id, string participant_id, CancellationToken ct) =>
        Responses.Ok(await participants.GetAsync(HttpContext.GetCrossbarContext(), conference_id, participant_id, ct));
}
