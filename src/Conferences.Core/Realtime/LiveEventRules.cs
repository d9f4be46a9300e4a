using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Core.Realtime;

// How each event changes the state (docs/amqp.md, "Live conference state"); a misfit is applied as far as it goes and
// reported Inconsistent.
internal static class LiveEventRules
{
    // What a member event says of the member's vars besides upserting it.
    private static readonly Dictionary<string, (ChannelFlag Flag, bool Value)> Implied = new(StringComparer.Ordinal)
    {
        [E.MuteMember] = (ChannelFlag.Speak, false),
        [E.UnmuteMember] = (ChannelFlag.Speak, true),
        [E.DeafMember] = (ChannelFlag.Hear, false),
        [E.UndeafMember] = (ChannelFlag.Hear, true),
        [E.StartTalking] = (ChannelFlag.Talking, true),
        [E.StopTalking] = (ChannelFlag.Talking, false),
    };

    public static LiveApplyOutcome Apply(LiveConferenceTable table, LiveEvent e) => e.Event switch
    {
        E.ConferenceCreate => Create(table, e),
        E.ConferenceDestroy => Destroy(table, e),
        E.Lock => SetLocked(table, e, locked: true),
        E.Unlock => SetLocked(table, e, locked: false),
        E.AddMember => UpsertMember(table, e, implied: null),
        E.DelMember => RemoveMember(table, e),
        var name when Implied.TryGetValue(name, out var implied) => UpsertMember(table, e, implied),
        _ => LiveApplyOutcome.Ignored,
    };

    private static LiveApplyOutcome Create(LiveConferenceTable table, LiveEvent e)
    {
        var conferences = table.Account(e.AccountId);
        if (conferences.TryGetValue(e.ConferenceId, out var current) && current.Uuid == e.InstanceId)
        {
            return LiveApplyOutcome.Applied;
        }
        // unknown, or a new instance of a conference whose end we missed: it starts empty either way
        conferences[e.ConferenceId] = table.NewConference(e);
        return LiveApplyOutcome.Applied;
    }

    private static LiveApplyOutcome Destroy(LiveConferenceTable table, LiveEvent e)
    {
        var conferences = table.Account(e.AccountId);
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

    private static LiveApplyOutcome SetLocked(LiveConferenceTable table, LiveEvent e, bool locked)
    {
        var conferences = table.Account(e.AccountId);
        if (!conferences.TryGetValue(e.ConferenceId, out var current))
        {
            return LiveApplyOutcome.Inconsistent;
        }
        conferences[e.ConferenceId] = current with { IsLocked = locked };
        return current.Uuid == e.InstanceId ? LiveApplyOutcome.Applied : LiveApplyOutcome.Inconsistent;
    }

    private static LiveApplyOutcome UpsertMember(LiveConferenceTable table, LiveEvent e, (ChannelFlag Flag, bool Value)? implied)
    {
        if (e.CallId is not { } callId)
        {
            return LiveApplyOutcome.Ignored;
        }
        var conferences = table.Account(e.AccountId);
        var outcome = LiveApplyOutcome.Applied;
        if (!conferences.TryGetValue(e.ConferenceId, out var conference) || conference.Uuid != e.InstanceId)
        {
            // we missed the conference's start (or its restart): what this event says is all we know of it so far
            conference = table.NewConference(e);
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

    private static LiveApplyOutcome RemoveMember(LiveConferenceTable table, LiveEvent e)
    {
        var conferences = table.Account(e.AccountId);
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
}
