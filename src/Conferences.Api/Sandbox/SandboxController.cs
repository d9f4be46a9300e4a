namespace Conferences.Api.Sandbox;

/// <summary>
/// The simulator's sandbox (docs/console.md, ADR 0014): stage callers of a conference without a media server. Not a
/// Kazoo API, so its path says <c>x_simulator</c> and the OpenAPI document leaves it out; it exists only while the
/// media-server simulator runs in this process, behind the same account checks as the conferences.
/// </summary>
[Route("v2/accounts/{account_id}/x_simulator")]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class SandboxController(SimulatorSandbox sandbox) : Controllers.AccountController
{
    /// <summary>Whether the sandbox is there (the console asks before it shows it) and the simulated media server's name.</summary>
    [HttpGet("")]
    public IActionResult GetSandbox() => Responses.Ok(sandbox.Describe());

    /// <summary>A simulated caller joins: <c>{"data":{"caller_id_name","caller_id_number","is_moderator"}}</c> → 201.</summary>
    [HttpPut("conferences/{conference_id}/participants")]
    public async Task<IActionResult> AddCaller(string conference_id, CancellationToken ct) =>
        Responses.Created(await sandbox.AddCallerAsync(Crossbar.AccountId, conference_id, SandboxCaller.From(Crossbar.DataObject), ct));

    /// <summary>The participant starts or stops talking: <c>{"data":{"talking":true}}</c>.</summary>
    [HttpPost("conferences/{conference_id}/participants/{participant_id}")]
    public async Task<IActionResult> SetTalking(string conference_id, string participant_id, CancellationToken ct) =>
        Responses.Ok(await sandbox.SetTalkingAsync(Crossbar.AccountId, conference_id, participant_id, SandboxCaller.Talking(Crossbar.DataObject), ct));

    /// <summary>The participant's call hangs up (the last one out ends the conference).</summary>
    [HttpDelete("conferences/{conference_id}/participants/{participant_id}")]
    public async Task<IActionResult> HangUp(string conference_id, string participant_id, CancellationToken ct) =>
        Responses.Ok(await sandbox.HangUpAsync(Crossbar.AccountId, conference_id, participant_id, ct));
}
