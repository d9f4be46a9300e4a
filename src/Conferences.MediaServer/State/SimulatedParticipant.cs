namespace Conferences.MediaServer.State;

/// <summary>
/// A member of a running conference, keyed by its <paramref name="CallId"/> (<c>ecallmgr_fs_conferences.erl</c>). The member id
/// (<c>Participant-ID</c>) is <see cref="ConferenceChannelVars.MemberId"/>; <paramref name="JoinTime"/> is in
/// Gregorian seconds. The JSON objects are never changed after the record is made; snapshots hand out copies.
/// </summary>
public sealed record SimulatedParticipant(
    string CallId,
    string ConferenceName,
    string ConferenceUuid,
    string MediaNode,
    long JoinTime,
    string? CallerIdName,
    string? CallerIdNumber,
    string? PresenceId,
    JsonObject CustomChannelVars,
    ConferenceChannelVars ChannelVars,
    JsonObject CustomApplicationVars)
{
    public long MemberId => ChannelVars.MemberId;

    /// <summary>A copy whose JSON objects nobody else holds.</summary>
    public SimulatedParticipant Copy() => this with
    {
        CustomChannelVars = CustomChannelVars.DeepClone().AsObject(),
        CustomApplicationVars = CustomApplicationVars.DeepClone().AsObject(),
    };
}
