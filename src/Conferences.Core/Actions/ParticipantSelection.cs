namespace Conferences.Core.Actions;

/// <summary>
/// The bulk participant actions of <c>cb_conferences:handle_participants_action/3</c>: the command each sends
/// and which members it is sent for. The flags are read from each member's <c>Conference-Channel-Vars</c> as Kazoo
/// reads them: <c>Is-Moderator</c> must be explicitly false (moderators, and members whose vars lack the flag, are
/// left alone) and <c>Speak</c>/<c>Hear</c> explicitly true or false; <c>kick</c> takes everyone.
/// <see cref="ConfirmingEvent"/> is the media server's event that shows the command applied (<c>wait=applied</c>);
/// <see cref="SkipReason"/> says why a member is left alone (null: it is selected), for the answer's per-target report.
/// </summary>
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

    /// <summary>The selection of a bulk action name (<c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c>), or null.</summary>
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
