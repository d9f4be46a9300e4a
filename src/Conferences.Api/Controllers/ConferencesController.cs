using Conferences.Core.Conferences;

namespace Conferences.Api.Controllers;

/// <summary><c>cb_conferences.erl</c> on <c>/v2/accounts/{account_id}/conferences[/{conference_id}]</c>: CRUD and
/// actions.</summary>
[Route("v2/accounts/{account_id}/conferences")]
[Tags(OpenApi.KazooDocumentFilter.ConferencesTag)]
public sealed class ConferencesController(ConferenceService conferences, ConferenceActions actions, ConferenceReadAnswers reads) : AccountController
{
    /// <summary>List the account's conferences (paginated, filterable; each with <c>_read_only</c>).</summary>
    [HttpGet("")]
    [ReadEndpoint(ConferenceRead.List)]
    [EndpointSummary("List the account's conferences")]
    [ProducesResponseType(typeof(OpenApi.ConferenceListEnvelope), StatusCodes.Status200OK)]
    public Task ListConferences() => reads.ListAsync(HttpContext, Crossbar);

    /// <summary>Create a conference; answers 201 with a Location header.</summary>
    [Idempotent]
    [HttpPut("")]
    [EndpointSummary("Create a conference")]
    [ProducesResponseType(typeof(OpenApi.ConferenceEnvelope), StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateConference(CancellationToken ct) =>
        CreatedIn("conferences", await conferences.CreateAsync(Crossbar, ct));

    /// <summary>Read one conference with its realtime <c>_read_only</c> data; ETag = revision.</summary>
    [HttpGet("{conference_id}")]
    [ReadEndpoint(ConferenceRead.Conference)]
    [EndpointSummary("Read a conference with its live state")]
    [ProducesResponseType(typeof(OpenApi.ConferenceEnvelope), StatusCodes.Status200OK)]
    public Task GetConference(string conference_id) => reads.GetAsync(HttpContext, Crossbar, conference_id);

    [HttpPost("{conference_id}")]
    [EndpointSummary("Replace a conference")]
    [ProducesResponseType(typeof(OpenApi.ConferenceEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateConference(string conference_id, CancellationToken ct) =>
        Responses.Ok(await conferences.UpdateAsync(Crossbar, conference_id, ct));

    /// <summary>Deep-merge the request into the conference (<c>null</c> removes a key).</summary>
    [HttpPatch("{conference_id}")]
    [EndpointSummary("Merge changes into a conference")]
    [ProducesResponseType(typeof(OpenApi.ConferenceEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> PatchConference(string conference_id, CancellationToken ct) =>
        Responses.Ok(await conferences.PatchAsync(Crossbar, conference_id, ct));

    /// <summary>Soft-delete the conference (<c>should_soft_delete=false</c> removes it).</summary>
    [HttpDelete("{conference_id}")]
    [EndpointSummary("Delete a conference")]
    [ProducesResponseType(typeof(OpenApi.ConferenceEnvelope), StatusCodes.Status200OK)]
    public async Task<IActionResult> DeleteConference(string conference_id, CancellationToken ct) =>
        Responses.Ok(await conferences.DeleteAsync(Crossbar, conference_id, ct));

    /// <summary>Run an action (<c>cb_conferences:put/2</c>): dial, lock, unlock, play, record; 201 like every Kazoo
    /// PUT.</summary>
    [Idempotent]
    [HttpPut("{conference_id}")]
    [EndpointSummary("Run an action on a conference: dial, lock, unlock, play or record")]
    [ProducesResponseType(typeof(OpenApi.ConferenceActionEnvelope), StatusCodes.Status201Created)]
    public Task<IActionResult> HandleConferenceAction(string conference_id, CancellationToken ct) =>
        ActionResults.CreatedAsync(ActionRequestReader.ForConference(Crossbar, conference_id), request => actions.HandleConferenceActionAsync(request, ct));
}
