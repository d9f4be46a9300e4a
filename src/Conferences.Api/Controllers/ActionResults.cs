namespace Conferences.Api.Controllers;

internal static class ActionResults
{
    // Kazoo's Location is an artefact: the request path plus /{conference_id} (docs/crossbar.md, "Answers").
    public static CrossbarResult Created(ConferenceActionResult result, ActionRequest request, string path) =>
        new(new Envelope { Status = result.Unconfirmed ? StatusCodes.Status202Accepted : StatusCodes.Status201Created, Data = result.Data, Revision = result.Revision, Metadata = result.Metadata })
        {
            Location = $"/v2/accounts/{request.AccountId}/{path}/{Uri.EscapeDataString(request.ConferenceId)}",
        };
}
