using System.Text.Json.Nodes;
using Conferences.Core.Realtime;

namespace Conferences.Core.Conferences;

/// <summary>
/// A conference as a read sees it: the public document (<see cref="Revision"/> null for an ad-hoc one) and its live
/// state (<see cref="Live"/> null when it is not running).
/// </summary>
public sealed record LoadedConference(JsonObject Document, string? Revision, LiveConference? Live)
{
    public bool IsStored => Revision is not null;
}
