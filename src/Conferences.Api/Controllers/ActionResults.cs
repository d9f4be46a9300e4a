namespace Conferences.Api.Controllers;

/// <summary>The answer of an action PUT: 201 (202 when <c>wait=applied</c> timed out), the action's data, the conference's revision, a Location.</summary>
internal static class ActionResults
{
    /// <summary>
    /// Kazoo's Location is an artefact: the request path plus <c>/{conference_id}</c> (docs/crossbar.md, "Answers");
    /// <paramref name="path"/> is the request path below the account, escaped.
    /// </summary>
    public static CrossbarResult Created(ConferenceActionResult result, ActionRequest request, string path) =>
        new(new Envelope { Status = result.Unconfirmed ? StatusCodes.Status202Accepted : StatusCodes.Status201Created, Data = result.Data, Revision = result.Revision, Metadata = result.Metadata })
        {
            Location = $"/v2/accounts/{request.AccountId}/{path}/{Uri.EscapeDataString(request.ConferenceId)}",
        };
}
