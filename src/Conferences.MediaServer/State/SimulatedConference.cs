namespace Conferences.MediaServer.State;

/// <summary><paramref name="Name"/> is the <c>Conference-ID</c>, <paramref name="Uuid"/> FreeSWITCH's
/// <c>Instance-ID</c>.</summary>
public sealed record SimulatedConference(
    string Name,
    string Uuid,
    string AccountId,
    long StartTime,
    bool Locked,
    string SwitchHostname,
    string SwitchUrl,
    string SwitchExternalIp,
    string MediaNode);
