namespace Conferences.Core.Actions;

/// <summary>Who each bulk action is sent to, read from the channel vars as Kazoo reads them
/// (docs/crossbar.md).</summary>
public sealed record ParticipantSelection(KapiMessageDefinition Command, Func<LiveParticipant, bool> Selects)
{
    public static readonly ParticipantSelection Mute = new(KapiConference.MuteParticipant, p => IsMember(p) && p.ChannelVars.Speak == true);

    public static readonly ParticipantSelection Unmute = new(KapiConference.UnmuteParticipant, p => IsMember(p) && p.ChannelVars.Speak == false);

    public static readonly ParticipantSelection Deaf = new(KapiConference.DeafParticipant, p => IsMember(p) && p.ChannelVars.Hear == true);

    public static readonly ParticipantSelection Undeaf = new(KapiConference.UndeafParticipant, p => IsMember(p) && p.ChannelVars.Hear == false);

    public static readonly ParticipantSelection Kick = new(KapiConference.Kick, _ => true);

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
