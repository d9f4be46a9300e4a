namespace Conferences.Core.Actions;

/// <summary>
/// The bulk participant actions of <c>cb_conferences:handle_participants_action/3</c>: the command each sends
/// and which members it is sent for. The flags are read from each member's <c>Conference-Channel-Vars</c> as Kazoo
/// reads them: <c>Is-Moderator</c> must be explicitly false (moderators, and members whose vars lack the flag, are
/// left alone) and <c>Speak</c>/<c>Hear</c> explicitly true or false; <c>kick</c> takes everyone.
/// </summary>
public sealed record ParticipantSelection(KapiMessageDefinition Command, Func<LiveParticipant, bool> Selects)
{
    public static readonly ParticipantSelection Mute = new(KapiConference.MuteParticipant, p => IsMember(p) && p.ChannelVars.Speak == true);

    public static readonly ParticipantSelection Unmute = new(KapiConference.UnmuteParticipant, p => IsMember(p) && p.ChannelVars.Speak == false);

    public static readonly ParticipantSelection Deaf = new(KapiConference.DeafParticipant, p => IsMember(p) && p.ChannelVars.Hear == true);

    public static readonly ParticipantSelection Undeaf = new(KapiConference.UndeafParticipant, p => IsMember(p) && p.ChannelVars.Hear == false);

    public static readonly ParticipantSelection Kick = new(KapiConference.Kick, _ => true);

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

    /// <summary>The members of <paramref name="conference"/> this action is sent for, in participant-id order.</summary>
    public IEnumerable<LiveParticipant> In(LiveConference conference)
    {
        ArgumentNullException.ThrowIfNull(conference);
        return conference.Participants.Where(Selects);
    }

    private static bool IsMember(LiveParticipant participant) => participant.ChannelVars.IsModerator == false;
}
