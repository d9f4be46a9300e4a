using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Actions;

/// <summary>
/// The bulk actions that act on members one by one (<c>cb_conferences:handle_participants_action/3</c>): one command
/// per targeted member with <c>Participant-ID</c> as a string, as crossbar sends it, and <c>play</c>. The targets are
/// the action's own selection (<see cref="ParticipantSelection"/>) among everyone, or among the request's chosen ids
/// (<see cref="ChosenParticipants"/>); the answer's <c>metadata</c> reports them (<see cref="BulkTargets"/>).
/// </summary>
public sealed class BulkParticipantActions(ConferenceCommands commands, AppliedConfirmation applied)
{
    /// <summary>Answers the conference's public document, as Kazoo does.</summary>
    public async Task<ConferenceActionResult> SendAsync(ParticipantSelection selection, ActionRequest request, LoadedConference conference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conference);
        var targets = BulkTargets.Choose(conference.Live, ChosenParticipants.From(request.ParticipantIds), selection.SkipReason);
        using var watch = applied.WatchIf(request, targets.Targeted.Select(p => new AppliedExpectation(selection.ConfirmingEvent, p.ParticipantId)));
        // every command must be confirmed by the bus before the answer (a 201 means they were all accepted)
        await Task.WhenAll(targets.Targeted.Select(p =>
            commands.ParticipantAsync(selection.Command, request.ConferenceId, Token(p), ct))).ConfigureAwait(false);
        var result = new ConferenceActionResult(conference.PublicView(), conference.Revision) { Metadata = targets.Metadata() };
        return await applied.AnswerAsync(result, watch, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>play</c>: to the whole conference, as Kazoo plays it (everyone present is reported targeted), or, with chosen
    /// ids, one <c>play</c> per chosen member present. Answers <c>"ok"</c>.
    /// </summary>
    public async Task<ConferenceActionResult> PlayAsync(ActionRequest request, LoadedConference conference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conference);
        var chosen = ChosenParticipants.From(request.ParticipantIds);
        var media = PlayData.MediaName(request);
        var targets = BulkTargets.Choose(conference.Live, chosen, _ => null);
        if (chosen is null)
        {
            await commands.PlayAsync(request.ConferenceId, media, participantId: null, ct).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(targets.Targeted.Select(p => commands.PlayAsync(request.ConferenceId, media, Token(p), ct))).ConfigureAwait(false);
        }
        return ConferenceActionResult.Ok(conference.Revision) with { Metadata = targets.Metadata() };
    }

    private static string Token(LiveParticipant participant) => participant.ParticipantId.ToString(CultureInfo.InvariantCulture);
}
