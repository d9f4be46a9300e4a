using Conferences.Api.Crossbar;
using Conferences.Core.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Conferences.Api.Controllers;

/// <summary>
/// PUT <c>/v2/accounts/{account_id}/conferences/{conference_id}</c>: the conference actions of <c>cb_conferences.erl</c>
/// (<c>HandleConferenceAction</c>, kazoo-reference §1.7, §1.8). Answers 201 like every Kazoo PUT (§1.3).
/// </summary>
[CrossbarAccount]
[Route("v2/accounts/{account_id}/conferences")]
[Produces(EnvelopeWriter.JsonContentType)]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ConferenceActionsController(ConferenceActions actions) : ControllerBase
{
    /// <summary>
    /// Run an action on a conference: <c>{"action":"dial","data":{"endpoints":[…]}}</c> (any id: ad-hoc conferences
    /// start on dial), <c>lock</c>, <c>unlock</c>, <c>play</c> (<c>data.media_id</c>), <c>record</c>
    /// (<c>data.action</c> start/stop; the recording's name in <c>metadata.media_name</c>).
    /// </summary>
    [HttpPut("{conference_id}")]
    [EndpointSummary("Run an action on a conference: dial, lock, unlock, play or record")]
    [ProducesResponseType(typeof(OpenApi.ConferenceActionEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> HandleConferenceAction(string conference_id, CancellationToken ct)
    {
        var context = HttpContext.GetCrossbarContext();
        var result = await actions.HandleConferenceActionAsync(context, conference_id, ct);
        // Kazoo's action answers carry a Location of the request path plus "/{conference_id}" (kazoo-reference §1.3)
        var conference = Uri.EscapeDataString(conference_id);
        return ActionResults.Created(result, $"/v2/accounts/{context.AccountId}/conferences/{conference}/{conference}");
    }
}
