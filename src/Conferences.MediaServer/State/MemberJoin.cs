namespace Conferences.MediaServer.State;

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
