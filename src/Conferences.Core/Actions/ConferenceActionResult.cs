using System.Text.Json.Nodes;

namespace Conferences.Core.Actions;

/// <summary>
/// A successful conference action: the envelope's <c>data</c> (a message string or an object) and the stored
/// conference's revision, which Kazoo's action answers carry (kazoo-reference §2.5; absent for ad-hoc conferences).
/// <see cref="Metadata"/> is the envelope's <c>metadata</c> when the answer has one (record's <c>media_name</c>,
/// profile D4).
/// </summary>
public sealed record ConferenceActionResult(JsonNode Data, string? Revision)
{
    public JsonObject? Metadata { get; init; }
}
