namespace Conferences.Core.Actions;

/// <summary>
/// A successful action: the envelope's <c>data</c> (a message or an object) and the stored conference's revision,
/// which Kazoo's action answers carry (null for an ad-hoc conference). <see cref="Metadata"/> is the envelope's
/// <c>metadata</c> when the answer has one (record's <c>media_name</c>, docs/compatibility.md D4).
/// </summary>
public sealed record ConferenceActionResult(JsonNode Data, string? Revision)
{
    /// <summary>Kazoo's answer to <c>lock</c>, <c>unlock</c>, <c>play</c> and the single-participant actions.</summary>
    public static ConferenceActionResult Ok(string? revision) => new("ok", revision);

    public JsonObject? Metadata { get; init; }

    /// <summary><c>wait=applied</c> timed out before every confirming event arrived: 202, check the targets (docs/compatibility.md).</summary>
    public bool Unconfirmed { get; init; }
}
