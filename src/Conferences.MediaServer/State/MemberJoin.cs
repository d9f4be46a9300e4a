namespace Conferences.MediaServer.State;

/// <summary>A call about to join a conference: an answered dial leg or a participant added through the control surface.</summary>
internal sealed record MemberJoin(
    string ConferenceId,
    string AccountId,
    string CallId,
    string? CallerIdName,
    string? CallerIdNumber,
    string? PresenceId,
    JsonObject CustomChannelVars,
    IReadOnlyList<string> Flags,
    JsonObject CustomApplicationVars);
