using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.MediaServer.Control;

/// <summary>Out-of-band control for tests and demos; changes go through the same switch as kapi commands and publish
/// the same events.</summary>
public sealed class SimulatorControl
{
    private readonly SimulatorState state;
    private readonly ConferenceSwitch conferences;
    private readonly BackgroundWork work;

    internal SimulatorControl(SimulatorState state, ConferenceSwitch conferences, BackgroundWork work, SimulatorIdentity identity)
    {
        this.state = state;
        this.conferences = conferences;
        this.work = work;
        Identity = identity;
    }

    public SimulatorIdentity Identity { get; }

    /// <returns>the new member, or null when a member with that call id exists already.</returns>
    public Task<SimulatedParticipant?> AddParticipantAsync(NewParticipant participant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentException.ThrowIfNullOrEmpty(participant.ConferenceId);
        ArgumentException.ThrowIfNullOrEmpty(participant.AccountId);
        var ccvs = participant.CustomChannelVars?.DeepClone().AsObject() ?? [];
        ccvs[KapiHeaders.AccountId] = participant.AccountId;
        var join = new MemberJoin(
            participant.ConferenceId, participant.AccountId, participant.CallId ?? KazooIds.NewId(),
            participant.CallerIdName, participant.CallerIdNumber, participant.PresenceId, ccvs, participant.Flags,
            participant.CustomApplicationVars?.DeepClone().AsObject() ?? new JsonObject());
        return conferences.JoinAsync(join, work.Stopping).WaitAsync(cancellationToken);
    }

    /// <summary>The last member out ends the conference.</summary>
    /// <returns>the member that left, or null when no member has this call id.</returns>
    public Task<SimulatedParticipant?> RemoveParticipantAsync(string callId, CancellationToken cancellationToken = default) =>
        conferences.HangupCallAsync(callId, work.Stopping).WaitAsync(cancellationToken);

    public Task<SimulatedParticipant?> RemoveParticipantAsync(string conferenceId, long participantId, CancellationToken cancellationToken = default) =>
        conferences.HangupAsync(conferenceId, participantId, work.Stopping).WaitAsync(cancellationToken);

    /// <summary>Publishes <c>start-talking</c> or <c>stop-talking</c>, also when unchanged.</summary>
    /// <returns>the updated member, or null when no member has this call id.</returns>
    public Task<SimulatedParticipant?> SetTalkingAsync(string callId, bool talking, CancellationToken cancellationToken = default) =>
        conferences.UpdateCallAsync(callId, v => v with { Talking = talking }, TalkingEvent, work.Stopping).WaitAsync(cancellationToken);

    public Task<SimulatedParticipant?> ToggleTalkingAsync(string callId, CancellationToken cancellationToken = default) =>
        conferences.UpdateCallAsync(callId, v => v with { Talking = !v.Talking }, TalkingEvent, work.Stopping).WaitAsync(cancellationToken);

    public IReadOnlyList<ConferenceSnapshot> ListConferences() => state.Snapshot();

    public ConferenceSnapshot? FindConference(string conferenceId) => state.SnapshotOf(conferenceId);

    public SimulatedParticipant? FindParticipant(string callId) => state.FindParticipant(callId);

    private static string TalkingEvent(ConferenceChannelVars vars) => vars.Talking ? E.StartTalking : E.StopTalking;
}
