using Conferences.MediaServer.Commands;
using Conferences.MediaServer.Events;

namespace Conferences.MediaServer;

// ecallmgr_fs_conference_stream.erl's state changes and events (docs/amqp.md, "What a media manager does"); one gate
// for the whole server keeps each conference's events in order.
internal sealed partial class ConferenceSwitch(
    SimulatorState state,
    ConferenceEventPublisher events,
    ConferenceControllers controllers,
    SimulatorIdentity identity,
    SimulatorOptions options,
    TimeProvider clock,
    ILogger<ConferenceSwitch> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The command consumer starts before <c>conference-create</c> is published, so a command sent on that event is heard.</summary>
    /// <returns>null when a member with this call id exists already.</returns>
    /// <exception cref="Core.Messaging.BusUnavailableException">the conference could not start its command consumer.</exception>
    public async Task<SimulatedParticipant?> JoinAsync(MemberJoin join, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(join);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.HasCall(join.CallId))
            {
                LogDuplicateCall(join.CallId);
                return null;
            }
            var conference = state.FindConference(join.ConferenceId);
            if (conference is null)
            {
                conference = new SimulatedConference(
                    join.ConferenceId, Guid.NewGuid().ToString(), join.AccountId, Gregorian.Now(clock), Locked: false,
                    identity.SwitchHostname, identity.SwitchUrl, identity.SwitchExternalIp, identity.MediaNode);
                await controllers.StartAsync(conference, cancellationToken).ConfigureAwait(false);
                state.PutConference(conference);
                await events.PublishAsync(KapiConferenceEvents.ConferenceCreate, conference, cancellationToken).ConfigureAwait(false);
            }
            // FreeSWITCH gives the floor to a joining member when nobody holds it
            var floor = !state.ParticipantsOf(conference.Name).Any(p => p.ChannelVars.Floor);
            var member = new SimulatedParticipant(
                join.CallId, conference.Name, conference.Uuid, identity.MediaNode, Gregorian.Now(clock),
                join.CallerIdName, join.CallerIdNumber, join.PresenceId, join.CustomChannelVars,
                ConferenceChannelVars.Joining(state.NextMemberId(), join.Flags, options.EnergyLevel, floor),
                join.CustomApplicationVars);
            state.TryAddParticipant(member);
            await events.PublishAsync(KapiConferenceEvents.AddMember, conference, member, cancellationToken).ConfigureAwait(false);
            return member;
        }
        finally
        {
            gate.Release();
        }
    }

    // FreeSWITCH hup <id|last>: memberId null is the "last" member (highest member id).
    public Task<SimulatedParticipant?> HangupAsync(string conferenceId, long? memberId, CancellationToken cancellationToken) =>
        LeaveAsync(() => state.FindMember(conferenceId, memberId), cancellationToken);

    public Task<SimulatedParticipant?> HangupCallAsync(string callId, CancellationToken cancellationToken) =>
        LeaveAsync(() => state.FindParticipant(callId), cancellationToken);

    public async Task<bool> SetLockedAsync(string conferenceId, bool locked, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.FindConference(conferenceId) is not { } conference)
            {
                return false;
            }
            conference = conference with { Locked = locked };
            state.PutConference(conference);
            var eventName = locked ? KapiConferenceEvents.Lock : KapiConferenceEvents.Unlock;
            await events.PublishAsync(eventName, conference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    // Null when the conference has no such member (FreeSWITCH: "Non-Existant ID").
    public Task<SimulatedParticipant?> UpdateMemberAsync(
        string conferenceId,
        long memberId,
        Func<ConferenceChannelVars, ConferenceChannelVars> change,
        Func<ConferenceChannelVars, string> eventFor,
        CancellationToken cancellationToken) =>
        UpdateAsync(() => state.FindMember(conferenceId, memberId), change, eventFor, cancellationToken);

    public Task<SimulatedParticipant?> UpdateCallAsync(
        string callId,
        Func<ConferenceChannelVars, ConferenceChannelVars> change,
        Func<ConferenceChannelVars, string> eventFor,
        CancellationToken cancellationToken) =>
        UpdateAsync(() => state.FindParticipant(callId), change, eventFor, cancellationToken);

    public void Dispose() => gate.Dispose();

    private async Task<SimulatedParticipant?> UpdateAsync(
        Func<SimulatedParticipant?> find,
        Func<ConferenceChannelVars, ConferenceChannelVars> change,
        Func<ConferenceChannelVars, string> eventFor,
        CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (find() is not { } member || state.FindConference(member.ConferenceName) is not { } conference)
            {
                return null;
            }
            var vars = change(member.ChannelVars) with { MemberId = member.MemberId };
            member = member with { ChannelVars = vars };
            state.ReplaceParticipant(member);
            await events.PublishAsync(eventFor(vars), conference, member, ct).ConfigureAwait(false);
            return member;
        }
        finally
        {
            gate.Release();
        }
    }

    // A member leaves: del-member; the last one out destroys the conference (conference-destroy) and its command
    // consumer stops — after the gate is released, as that consumer may be waiting for it.
    private async Task<SimulatedParticipant?> LeaveAsync(Func<SimulatedParticipant?> find, CancellationToken ct)
    {
        SimulatedParticipant? member;
        SimulatedConference? destroyed = null;
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            member = find();
            if (member is null || state.FindConference(member.ConferenceName) is not { } conference)
            {
                return null;
            }
            state.RemoveParticipant(member.CallId);
            await events.PublishAsync(KapiConferenceEvents.DelMember, conference, member, ct).ConfigureAwait(false);
            if (state.ParticipantsOf(conference.Name).Count == 0)
            {
                state.RemoveConference(conference.Name);
                await events.PublishAsync(KapiConferenceEvents.ConferenceDestroy, conference, ct).ConfigureAwait(false);
                destroyed = conference;
            }
        }
        finally
        {
            gate.Release();
        }
        if (destroyed is not null)
        {
            await controllers.StopAsync(destroyed).ConfigureAwait(false);
            LogDestroyed(destroyed.Name);
        }
        return member;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} is already a conference member; not joined again")]
    private partial void LogDuplicateCall(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conference {ConferenceId} destroyed: its last member left")]
    private partial void LogDestroyed(string conferenceId);
}
