namespace Conferences.MediaServer.State;

/// <summary>Replaced as a whole by every member event (<c>ecallmgr_fs_conference_stream.erl</c>).</summary>
public sealed record ConferenceChannelVars(
    long MemberId,
    bool IsModerator = false,
    bool Floor = false,
    bool Video = false,
    bool See = true,
    bool Speak = true,
    bool Hear = true,
    bool Talking = false,
    bool MuteDetect = false,
    int EnergyLevel = 20,
    int CurrentEnergy = 0,
    bool MemberGhost = false)
{
    /// <summary>From dial's <c>Participant-Flags</c> (<c>ecallmgr_fs_conferences_shared.erl</c>); other flags change
    /// nothing visible.</summary>
    public static ConferenceChannelVars Joining(long memberId, IEnumerable<string> flags, int energyLevel, bool floor)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var set = flags.ToHashSet(StringComparer.Ordinal);
        return new(
            memberId,
            IsModerator: set.Contains("is_moderator"),
            Floor: floor,
            Speak: !set.Contains("mute"),
            Hear: !set.Contains("deaf"),
            EnergyLevel: energyLevel,
            MemberGhost: set.Contains("ghost"));
    }

    public JsonObject ToJson() => new()
    {
        ["Is-Moderator"] = IsModerator,
        [KapiKeys.Floor] = Floor,
        [KapiKeys.Video] = Video,
        ["See"] = See,
        [KapiKeys.Speak] = Speak,
        [KapiKeys.Hear] = Hear,
        [KapiKeys.Talking] = Talking,
        [KapiKeys.MuteDetect] = MuteDetect,
        [KapiKeys.EnergyLevel] = EnergyLevel,
        [KapiKeys.CurrentEnergy] = CurrentEnergy,
        ["Member-ID"] = MemberId,
        ["Member-Ghost"] = MemberGhost,
    };
}
