namespace Conferences.Core.Actions;

/// <summary>The envelope's <c>data</c> and <c>metadata</c>, and the stored revision (null for an ad-hoc
/// conference).</summary>
public sealed record ConferenceActionResult(JsonNode Data, string? Revision)
{
    /// <summary>Kazoo's answer to <c>lock</c>, <c>unlock</c>, <c>play</c> and the single-participant actions.</summary>
    public static ConferenceActionResult Ok(string? revision) => new("ok", revision);

    public JsonObject? Metadata { get; init; }

    /// <summary><c>wait=applied</c> timed out before every confirming event arrived: 202, check the targets (docs/compatibility.md).</summary>
    public bool Unconfirmed { get; init; }
}
