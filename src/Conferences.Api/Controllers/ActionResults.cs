namespace Conferences.Api.Controllers;

internal static class ActionResults
{
    /// <summary>Runs the action and answers 201 (202 when <c>wait=applied</c> went unconfirmed) with Kazoo's Location:
    /// the request path, <c>conferences/{id}</c> then <paramref name="below"/>, plus <c>/{conference_id}</c>, an
    /// artefact of crossbar (docs/crossbar.md, "Answers").</summary>
    public static async Task<IActionResult> CreatedAsync(
        ActionRequest request, Func<ActionRequest, Task<ConferenceActionResult>> run, params string[] below)
    {
        var result = await run(request);
        var conference = Uri.EscapeDataString(request.ConferenceId);
        var path = string.Concat(below.Select(segment => "/" + Uri.EscapeDataString(segment)));
        return new CrossbarResult(new Envelope { Status = result.Unconfirmed ? StatusCodes.Status202Accepted : StatusCodes.Status201Created, Data = result.Data, Revision = result.Revision, Metadata = result.Metadata })
        {
            Location = $"/v2/accounts/{request.AccountId}/conferences/{conference}{path}/{conference}",
        };
    }
}
