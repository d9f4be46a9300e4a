namespace Conferences.MediaServer.State;

/// <summary>
/// A running conference on the simulated media server (<c>ecallmgr_fs_conferences.erl</c>): <paramref name="Name"/> is the
/// <c>Conference-ID</c>, <paramref name="Uuid"/> the FreeSWITCH instance id (<c>Instance-ID</c>, <c>UUID</c>),
/// <paramref name="StartTime"/> in Gregorian seconds.
/// </summary>
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
