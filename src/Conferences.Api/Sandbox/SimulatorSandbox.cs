using System.Globalization;
using Conferences.MediaServer.Control;
using Conferences.MediaServer.State;

namespace Conferences.Api.Sandbox;

/// <summary>
/// The sandbox over <see cref="SimulatorControl"/>: callers join, talk and hang up on the simulated media server, which
/// publishes the same conference events a real one would (add-member, start-talking, del-member…). A conference the
/// simulator runs for another account, and a participant not in the conference, are 404 <c>bad_identifier</c>.
/// </summary>
internal sealed class SimulatorSandbox(SimulatorControl control)
{
    public JsonObject Describe() => new()
    {
        ["simulator"] = true,
        ["media_server"] = control.Identity.MediaNode,
    };

    public async Task<JsonObject> AddCallerAsync(string accountId, string conferenceId, SandboxCaller caller, CancellationToken ct)
    {
        if (control.FindConference(conferenceId) is { } running && running.Conference.AccountId != accountId)
        {
            throw KazooErrors.BadIdentifier(conferenceId);
        }
        var joined = await control.AddParticipantAsync(new NewParticipant(conferenceId, accountId)
        {
            CallerIdName = caller.CallerIdName,
            CallerIdNumber = caller.CallerIdNumber,
            Flags = caller.IsModerator ? ["is_moderator"] : [],
        }, ct);
        // a fresh call id never collides, so the simulator always admits the call
        return Render(joined ?? throw KazooErrors.Conflict());
    }

    public async Task<JsonObject> SetTalkingAsync(string accountId, string conferenceId, string participantId, bool talking, CancellationToken ct)
    {
        var participant = Find(accountId, conferenceId, participantId);
        var updated = await control.SetTalkingAsync(participant.CallId, talking, ct);
        return Render(updated ?? throw KazooErrors.UnknownParticipant(participantId));
    }

    public async Task<JsonObject> HangUpAsync(string accountId, string conferenceId, string participantId, CancellationToken ct)
    {
        var participant = Find(accountId, conferenceId, participantId);
        var left = await control.RemoveParticipantAsync(participant.CallId, ct);
        return Render(left ?? throw KazooErrors.UnknownParticipant(participantId));
    }

    private SimulatedParticipant Find(string accountId, string conferenceId, string participantId)
    {
        if (!long.TryParse(participantId, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            || control.FindConference(conferenceId) is not { } running
            || running.Conference.AccountId != accountId)
        {
            throw KazooErrors.UnknownParticipant(participantId);
        }
        return running.Participants.FirstOrDefault(p => p.MemberId == memberId) ?? throw KazooErrors.UnknownParticipant(participantId);
    }

    private static JsonObject Render(SimulatedParticipant participant) => new()
    {
        ["participant_id"] = participant.MemberId,
        ["call_id"] = participant.CallId,
        ["caller_id_name"] = participant.CallerIdName,
        ["caller_id_number"] = participant.CallerIdNumber,
        ["is_moderator"] = participant.ChannelVars.IsModerator,
        ["talking"] = participant.ChannelVars.Talking,
        ["join_time"] = participant.JoinTime,
    };
}
