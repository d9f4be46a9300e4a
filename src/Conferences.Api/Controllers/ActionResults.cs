using Conferences.Api.Crossbar;
using Conferences.Core.Actions;

namespace Conferences.Api.Controllers;

/// <summary>The answer of an action PUT (kazoo-reference §1.3): 201, the action's data, the conference's revision, a Location.</summary>
internal static class ActionResults
{
    /// <summary>
    /// <paramref name="location"/> is Kazoo's artefact: the request path plus <c>/{conference_id}</c> (§1.3). The
    /// envelope's <c>metadata</c> carries what an action adds to Kazoo's answer (record's <c>media_name</c>, D4).
    /// </summary>
    public static CrossbarResult Created(ConferenceActionResult result, string location) =>
        new(new Envelope { Status = StatusCodes.Status201Created, Data = result.Data, Revision = result.Revision, Metadata = result.Metadata })
        {
            Location = location,
        };
}
