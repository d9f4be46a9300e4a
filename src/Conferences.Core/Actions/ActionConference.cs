using System.Text.Json.Nodes;

namespace Conferences.Core.Actions;

/// <summary>
/// The conference an action works on: the stored document, or the ad-hoc one crossbar synthesises for an id with
/// none (kazoo-reference §1.4.2); <see cref="Revision"/> is null for the latter.
/// </summary>
public sealed record ActionConference(JsonObject Document, string? Revision)
{
    public bool IsStored => Revision is not null;
}
