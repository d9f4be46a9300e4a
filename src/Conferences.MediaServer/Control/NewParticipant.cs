namespace Conferences.MediaServer.Control;

/// <summary>
/// A call the control surface puts straight into a conference (in Kazoo participants arrive as SIP calls routed by
/// the callflow and conference apps, which are out of scope; docs/amqp.md). <see cref="Flags"/> are dial
/// participant flags (<c>is_moderator</c>, <c>mute</c>, <c>deaf</c>, <c>ghost</c>, …); <see cref="CallId"/>
/// defaults to rand-hex-32.
/// </summary>
public sealed record NewParticipant(string ConferenceId, string AccountId)
{
    public string? CallId { get; init; }

    public string? CallerIdName { get; init; }

    public string? CallerIdNumber { get; init; }

    public string? PresenceId { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Extra <c>Custom-Channel-Vars</c>; <c>Account-ID</c> is set from <see cref="AccountId"/>.</summary>
    public JsonObject? CustomChannelVars { get; init; }

    public JsonObject? CustomApplicationVars { get; init; }
}
