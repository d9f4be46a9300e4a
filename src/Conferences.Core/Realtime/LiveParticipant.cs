namespace Conferences.Core.Realtime;

/// <summary>A member as the live state keeps it: typed and compact, so 100,000 fit in a few dozen megabytes.</summary>
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
