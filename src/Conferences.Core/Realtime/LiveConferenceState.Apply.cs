using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Core.Realtime;

/// <summary>
/// How each conference event changes the state (kazoo-reference §6.2): create and destroy add and remove the
/// conference, lock and unlock set its lock, add-member and del-member add and remove a member, and the member
/// events (mute, deaf, talking) replace the member's channel vars with the event's full vars. An event that does not
/// fit is still taken into account as far as it goes (a member event of an unknown member adds it) and reported
/// <see cref="LiveApplyOutcome.Inconsistent"/>, so its conference is resynchronised.
/// </summary>
public sealed partial class LiveConferenceState
{
    private LiveApplyOutcome ApplyLocked(LiveEvent e)
    {
        switch (e.Event)
        {
            case E.ConferenceCreate:
                return Create(e);
            case E.ConferenceDestroy:
                return Destroy(e);
            case E.Lock:
                return SetLocked(e, locked: true);
            case E.Unlock:
                return SetLocked(e, locked: false);
            case E.AddMember:
                return UpsertMember(e, implied: null);
            case E.DelMember:
                return RemoveMember(e);
            case E.MuteMember:
                return UpsertMember(e, (ChannelFlag.Speak, false));
            case E.UnmuteMember:
                return UpsertMember(e, (ChannelFlag.Speak, true));
            case E.DeafMember:
                return UpsertMember(e, (ChannelFlag.Hear, false));
            case E.UndeafMember:
                return UpsertMember(e, (ChannelFlag.Hear, true));
            case E.StartTalking:
                return UpsertMember(e, (ChannelFlag.Talking, true));
            case E.StopTalking:
                return UpsertMember(e, (ChannelFlag.Talking, false));
            default:
                return LiveApplyOutcome.Ignored;
        }
    }

    private LiveApplyOutcome Create(LiveEvent e)
    {
        var conferences = AccountTable(e.AccountId);
        if (conferences.TryGetValue(e.ConferenceId, out var current) && current.Uuid == e.InstanceId)
        {
            return LiveApplyOutcome.Applied;
        }
        // unknown, or a new instance of a conference whose end we missed: it starts empty either way
        conferences[e.ConferenceId] = NewConference(e);
        return LiveApplyOutcome.Applied;
    }

    private LiveApplyOutcome Destroy(LiveEvent e)
    {
        var conferences = AccountTable(e.AccountId);
        if (!conferences.TryGetValue(e.ConferenceId, out var current))
        {
            return LiveApplyOutcome.Applied;
        }
        if (current.Uuid != e.InstanceId)
        {
            return LiveApplyOutcome.Inconsistent;
        }
        conferences.TryRemove(e.ConferenceId, out _);
        return LiveApplyOutcome.Applied;
    }

    private LiveApplyOutcome SetLocked(LiveEvent e, bool locked)
    {
        var conferences = AccountTable(e.AccountId);
        if (!conferences.TryGetValue(e.ConferenceId, out var current))
        {
            return LiveApplyOutcome.Inconsistent;
        }
        conferences[e.ConferenceId] = current with { IsLocked = locked };
        return current.Uuid == e.InstanceId ? LiveApplyOutcome.Applied : LiveApplyOutcome.Inconsistent;
    }

    private LiveApplyOutcome UpsertMember(LiveEvent e, (ChannelFlag Flag, bool Value)? implied)
    {
        if (e.CallId is not { } callId)
        {
            return LiveApplyOutcome.Ignored;
        }
        var conferences = AccountTable(e.AccountId);
        var outcome = LiveApplyOutcome.Applied;
        if (!conferences.TryGetValue(e.ConferenceId, out var conference) || conference.Uuid != e.InstanceId)
        {
            // we missed the conference's start (or its restart): what this event says is all we know of it so far
            conference = NewConference(e);
            outcome = LiveApplyOutcome.Inconsistent;
        }
        var existing = conference.FindCall(callId);
        if (existing is null && outcome == LiveApplyOutcome.Applied)
        {
            outcome = e.Event == E.AddMember ? LiveApplyOutcome.Incomplete : LiveApplyOutcome.Inconsistent;
        }
        var vars = e.ChannelVars ?? existing?.ChannelVars ?? default;
        if (implied is { } flag)
        {
            vars = vars.With(flag.Flag, flag.Value);
        }
        var participant = existing is null
            ? new LiveParticipant(e.ParticipantId ?? vars.MemberId ?? 0, callId, e.ReceivedAt, e.CallerIdName, e.CallerIdNumber, vars, e.CustomChannelVars, null)
            : existing with
            {
                ParticipantId = e.ParticipantId ?? existing.ParticipantId,
                CallerIdName = e.CallerIdName ?? existing.CallerIdName,
                CallerIdNumber = e.CallerIdNumber ?? existing.CallerIdNumber,
                ChannelVars = vars,
                CustomChannelVars = e.CustomChannelVars ?? existing.CustomChannelVars,
            };
        conferences[conference.ConferenceId] = conference.WithParticipant(participant);
        return outcome;
    }

    private LiveApplyOutcome RemoveMember(LiveEvent e)
    {
        var conferences = AccountTable(e.AccountId);
        if (!conferences.TryGetValue(e.ConferenceId, out var conference))
        {
            return LiveApplyOutcome.Inconsistent;
        }
        var member = e.CallId is { } callId ? conference.FindCall(callId)
            : e.ParticipantId is { } id ? conference.FindParticipant(id)
            : null;
        if (member is null)
        {
            return LiveApplyOutcome.Inconsistent;
        }
        // the conference itself ends with conference-destroy, which follows the last member's del-member
        conferences[conference.ConferenceId] = conference.WithoutCall(member.CallId);
        return conference.Uuid == e.InstanceId ? LiveApplyOutcome.Applied : LiveApplyOutcome.Inconsistent;
    }

    private LiveConference NewConference(LiveEvent e) => new()
    {
        AccountId = Intern(e.AccountId)!,
        ConferenceId = e.ConferenceId,
        Uuid = e.InstanceId,
        StartTime = e.ReceivedAt,
        SwitchHostname = Intern(e.SwitchHostname),
    };
}
