using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Actions;

/// <summary><c>cb_conferences:handle_conference_action/3</c>; the action is checked before the conference
/// (D2).</summary>
public sealed class ConferenceActions(ConferenceLookup lookup, DialService dial, ConferenceControl control, AppliedConfirmation applied)
{
    public const string DialAction = "dial";
    public const string LockAction = "lock";
    public const string UnlockAction = "unlock";
    public const string PlayAction = "play";
    public const string RecordAction = "record";

    public Task<ConferenceActionResult> HandleConferenceActionAsync(ActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Action switch
        {
            DialAction => DialAsync(request, ct),
            LockAction => control.LockAsync(request, locked: true, ct),
            UnlockAction => control.LockAsync(request, locked: false, ct),
            PlayAction => control.PlayAsync(request, ct),
            RecordAction => control.RecordAsync(request, ct),
            _ => throw KazooErrors.FaultyRequest(),
        };
    }

    // Dial works on any id: a conference neither stored nor running is started (docs/compatibility.md D2).
    private async Task<ConferenceActionResult> DialAsync(ActionRequest request, CancellationToken ct)
    {
        var conference = await lookup.LoadOrAdHocAsync(request.AccountId, request.ConferenceId, request.Body, ct).ConfigureAwait(false);
        // the legs may join before the media manager answers: the watch keeps their events until the call ids are known
        using var watch = applied.WatchIf(request, []);
        var data = await dial.DialAsync(request, conference.Document, ct).ConfigureAwait(false);
        watch?.Expect(AppliedConfirmation.DialLegs(data));
        return await applied.AnswerAsync(new ConferenceActionResult(data, conference.Revision), watch, ct).ConfigureAwait(false);
    }
}
