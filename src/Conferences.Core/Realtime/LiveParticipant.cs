namespace Conferences.Core.Realtime;

/// <summary>
/// A member of a running conference as the live state keeps it (<c>kapi_conference:search_resp/1</c> participant record, <c>ecallmgr_fs_conferences.erl</c>):
/// typed fields and compact JSON instead of a node tree, so 100,000 of them fit in a few dozen megabytes.
/// <see cref="ParticipantId"/> is FreeSWITCH's member id (<c>Participant-ID</c>), <see cref="JoinTime"/> Gregorian
/// seconds (from the search record, or when the <c>add-member</c> event arrived). Immutable: a change makes a new one.
/// </summary>
public sealed record LiveParticipant(
    long ParticipantId,
    string CallId,
    long JoinTime,
    string? CallerIdName,
    string? CallerIdNumber,
    LiveChannelVars ChannelVars,
    CompactJson? CustomChannelVars,
    CompactJson? CustomApplicationVars)
{
    /// <summary><c>Conference-Channel-Vars.Is-Moderator</c> is true (a moderator, the seed's "admin"; <c>cb_conferences.erl</c>).</summary>
    public bool IsModerator => ChannelVars.IsModerator == true;

    /// <summary>Seconds since joining, never negative (<c>Duration</c> of <c>cb_conferences.erl</c>).</summary>
    public long Duration(long nowGregorian) => Math.Max(0, nowGregorian - JoinTime);
}
