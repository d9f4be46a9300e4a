namespace Conferences.Core.Actions;

/// <summary>Who each bulk action is sent to, read from the channel vars as Kazoo reads them
/// (docs/crossbar.md).</summary>
public sealed record ParticipantSelection(KapiMessageDefinition Command, string ConfirmingEvent, Func<LiveParticipant, string?> SkipReason)
{
    public static readonly ParticipantSelection Mute = new(KapiConference.MuteParticipant, KapiConferenceEvents.MuteMember,
        p => MemberReason(p) ?? Flag(p.ChannelVars.Speak, wanted: true, "already_muted", "speak_unknown"));

    public static readonly ParticipantSelection Unmute = new(KapiConference.UnmuteParticipant, KapiConferenceEvents.UnmuteMember,
        p => MemberReason(p) ?? Flag(p.ChannelVars.Speak, wanted: false, "not_muted", "speak_unknown"));

    public static readonly ParticipantSelection Deaf = new(KapiConference.DeafParticipant, KapiConferenceEvents.DeafMember,
        p => MemberReason(p) ?? Flag(p.ChannelVars.Hear, wanted: true, "already_deaf", "hear_unknown"));

    public static readonly ParticipantSelection Undeaf = new(KapiConference.UndeafParticipant, KapiConferenceEvents.UndeafMember,
        p => MemberReason(p) ?? Flag(p.ChannelVars.Hear, wanted: false, "not_deaf", "hear_unknown"));

    public static readonly ParticipantSelection Kick = new(KapiConference.Kick, KapiConferenceEvents.DelMember, _ => null);

    public static ParticipantSelection? For(string? action) => action switch
    {
        "mute" => Mute,
        "unmute" => Unmute,
        "deaf" => Deaf,
        "undeaf" => Undeaf,
        "kick" => Kick,
        _ => null,
    };

    private static string? MemberReason(LiveParticipant participant) => participant.ChannelVars.IsModerator switch
    {
        false => null,
        true => "moderator",
        null => "moderator_unknown",
    };

    /// <summary>Selected when the flag is <paramref name="wanted"/>; already in the other state, or not known, is skipped.</summary>
    private static string? Flag(bool? value, bool wanted, string otherState, string unknown) =>
        value == wanted ? null : value is null ? unknown : otherState;
}
