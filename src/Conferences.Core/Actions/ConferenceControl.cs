using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Actions;

/// <summary>lock, unlock, play, record; a stored conference that is not running accepts them, as in Kazoo
/// (D2).</summary>
public sealed class ConferenceControl(ConferenceLookup lookup, ConferenceCommands commands, RecordingNames recordings, AppliedConfirmation applied)
{
    public async Task<ConferenceActionResult> LockAsync(ActionRequest request, bool locked, CancellationToken ct)
    {
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        var conferenceId = request.ConferenceId;
        using var watch = applied.WatchIf(request, [new AppliedExpectation(locked ? KapiConferenceEvents.Lock : KapiConferenceEvents.Unlock)]);
        await (locked ? commands.LockAsync(conferenceId, ct) : commands.UnlockAsync(conferenceId, ct)).ConfigureAwait(false);
        return await applied.AnswerAsync(ConferenceActionResult.Ok(conference.Revision), watch, ct).ConfigureAwait(false);
    }

    /// <summary><c>play</c> to the whole conference (also the participants' bulk <c>play</c>).</summary>
    public async Task<ConferenceActionResult> PlayAsync(ActionRequest request, CancellationToken ct)
    {
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        await commands.PlayAsync(request.ConferenceId, PlayData.MediaName(request), participantId: null, ct).ConfigureAwait(false);
        return ConferenceActionResult.Ok(conference.Revision);
    }

    /// <summary>Start names the recording, stop defaults to the last one started here (D4); the name goes in
    /// metadata.</summary>
    public async Task<ConferenceActionResult> RecordAsync(ActionRequest request, CancellationToken ct)
    {
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        var record = RecordData.From(request.Data);
        var (accountId, conferenceId) = (request.AccountId, request.ConferenceId);
        if (record.Action == RecordData.Start)
        {
            var name = record.RequestedName ?? recordings.NewName(conferenceId);
            await commands.RecordAsync(conferenceId, name, ct).ConfigureAwait(false);
            recordings.Started(accountId, conferenceId, name);
            return Recording("starting recording", name, conference.Revision);
        }
        var current = record.RequestedName ?? recordings.Current(accountId, conferenceId) ?? throw NoRecordingKnown();
        await commands.RecordStopAsync(conferenceId, current, ct).ConfigureAwait(false);
        recordings.Stopped(accountId, conferenceId, current);
        return Recording("stopping recording", current, conference.Revision);
    }

    private Task<LoadedConference> LoadAsync(ActionRequest request, CancellationToken ct) =>
        lookup.LoadAsync(request.AccountId, request.ConferenceId, ct);

    private static ConferenceActionResult Recording(string message, string mediaName, string? revision) =>
        new(message, revision) { Metadata = new JsonObject { ["media_name"] = mediaName } };

    private static CrossbarException NoRecordingKnown() =>
        KazooErrors.Validation("data.media_name", "required",
            "recording stop requires the media_name that recording start answered (no recording of this conference was started through this API instance)");
}
