using System.Text.Json.Nodes;
using Conferences.Api.Crossbar;
using Conferences.Core.Conferences;
using Conferences.Core.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Conferences.Api.Controllers;

/// <summary>
/// <c>…/conferences/{conference_id}/participants</c> reads (kazoo-reference §1.6.3–§1.6.4, profile D1, D3).
/// A stored conference that is not running has no participants.
/// </summary>
[CrossbarAccount]
[Route("v2/accounts/{account_id}/conferences/{conference_id}/participants")]
[Produces(EnvelopeWriter.JsonContentType)]
public sealed class ParticipantsController(ConferenceService conferences) : ControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> List(string conference_id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(HttpContext.GetCrossbarContext(), conference_id, ct);
        var participants = conference.Data["_read_only"]?["participants"]?.DeepClone() ?? new JsonArray();
        return Responses.Ok(participants);
    }

    [HttpGet("{participant_id}")]
    public async Task<IActionResult> Get(string conference_id, string participant_id, CancellationToken ct)
    {
        var conference = await conferences.GetAsync(HttpContext.GetCrossbarContext(), conference_id, ct);
        var participant = (conference.Data["_read_only"]?["participants"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(p => p["participant_id"]?.ToString() == participant_id);
        return participant is null
            ? throw new CrossbarException(404, "bad_identifier", new JsonObject { ["id"] = participant_id, ["message"] = "bad identifier" })
            : Responses.Ok(participant.DeepClone());
    }
}
