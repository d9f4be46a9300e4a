using Conferences.MediaServer.Dial;
using C = Conferences.Core.Kapi.KapiConference;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.MediaServer.Commands;

// ecallmgr_conference_command.erl: acts on its own Conference-ID only, drops what fails the kapi table, never answers
// (docs/amqp.md).
internal sealed partial class ConferenceCommandHandler(
    ConferenceSwitch conferences,
    SimulatorState state,
    DialHandler dial,
    BackgroundWork work,
    ILogger<ConferenceCommandHandler> logger)
{
    // the member commands and the conference event each one causes (ecallmgr_fs_conference, via FreeSWITCH's events)
    private static readonly Dictionary<KapiMessageDefinition, MemberUpdate> MemberUpdates = new(ReferenceEqualityComparer.Instance)
    {
        [C.MuteParticipant] = new(v => v with { Speak = false }, E.MuteMember),
        [C.UnmuteParticipant] = new(v => v with { Speak = true }, E.UnmuteMember),
        [C.DeafParticipant] = new(v => v with { Hear = false }, E.DeafMember),
        [C.UndeafParticipant] = new(v => v with { Hear = true }, E.UndeafMember),
    };

    public KapiMessageHandler For(string conferenceId) => (delivery, _) => HandleAsync(conferenceId, delivery);

    public async Task HandleAsync(string conferenceId, KapiDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        var application = KazooJson.GetString(message, KapiKeys.ApplicationName) ?? "(none)";
        var target = KazooJson.GetString(message, KapiKeys.ConferenceId);
        if (target != conferenceId)
        {
            LogNotForUs(application, conferenceId, target ?? "(none)");
            return;
        }
        if (KapiConference.Identify(message) is not { ApplicationName: not null } definition)
        {
            LogUnknown(application, conferenceId);
            return;
        }
        var problems = KapiMessage.Validate(definition, message);
        if (problems.Count > 0)
        {
            LogInvalid(application, conferenceId, string.Join("; ", problems));
            return;
        }
        // published with the simulator's lifetime token: a kick ends this consumer, not the events it causes
        var ct = work.Stopping;
        long? participantId = KapiMessage.TryGetInteger(message, KapiKeys.ParticipantId, out var id) ? id : null;
        var executed = definition switch
        {
            _ when definition == C.Lock => await conferences.SetLockedAsync(conferenceId, locked: true, ct).ConfigureAwait(false),
            _ when definition == C.Unlock => await conferences.SetLockedAsync(conferenceId, locked: false, ct).ConfigureAwait(false),
            _ when MemberUpdates.TryGetValue(definition, out var update) => await UpdateAsync(conferenceId, id, update, ct).ConfigureAwait(false),
            _ when definition == C.Kick => await conferences.HangupAsync(conferenceId, participantId, ct).ConfigureAwait(false) is not null,
            _ when definition == C.Dial => Dial(message),
            _ when definition == C.ParticipantsReq => NotHandled(application, conferenceId),
            _ => MembersExist(conferenceId, message),
        };
        if (executed)
        {
            LogExecuted(application, conferenceId);
        }
        else
        {
            LogNotExecuted(application, conferenceId);
        }
    }

    private async Task<bool> UpdateAsync(string conferenceId, long memberId, MemberUpdate update, CancellationToken ct) =>
        await conferences.UpdateMemberAsync(conferenceId, memberId, update.Change, _ => update.EventName, ct).ConfigureAwait(false) is not null;

    private bool Dial(JsonObject message)
    {
        dial.DialHere(message);
        return true;
    }

    // ecallmgr has no handler for participants_req (kapps_conference_command.erl)
    private bool NotHandled(string application, string conferenceId)
    {
        LogUnknown(application, conferenceId);
        return false;
    }

    // Commands without a visible effect still fail in FreeSWITCH when they name a member that is not there.
    private bool MembersExist(string conferenceId, JsonObject message) =>
        new[] { KapiKeys.ParticipantId, KapiKeys.OtherParticipant }
            .Where(message.ContainsKey)
            .All(key => KapiMessage.TryGetInteger(message, key, out var member) && state.FindMember(conferenceId, member) is not null);

    private sealed record MemberUpdate(Func<ConferenceChannelVars, ConferenceChannelVars> Change, string EventName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Application} for {Target} ignored by the consumer of {ConferenceId}")]
    private partial void LogNotForUs(string application, string conferenceId, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown conference command {Application} for {ConferenceId} dropped")]
    private partial void LogUnknown(string application, string conferenceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid {Application} for {ConferenceId} dropped: {Problems}")]
    private partial void LogInvalid(string application, string conferenceId, string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executed {Application} on {ConferenceId}")]
    private partial void LogExecuted(string application, string conferenceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Application} on {ConferenceId} not executed: no such member or conference")]
    private partial void LogNotExecuted(string application, string conferenceId);
}
