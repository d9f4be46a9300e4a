using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Actions;

/// <summary>
/// PUT <c>…/conferences/{id}/participants</c> (<c>cb_conferences:handle_participants_action/3</c>) and
/// PUT <c>…/participants/{pid}</c> (<c>cb_conferences:participant_action/4</c>). A missing or unknown action is 404
/// <c>faulty_request</c>, checked first; the conference must be stored or running, and who is in it comes from the
/// live state, never from a search (docs/compatibility.md D2, D3, D7).
/// </summary>
public sealed class ParticipantActions(ConferenceLookup lookup, BulkParticipantActions bulk, ConferenceCommands commands, ParticipantRelation relation, AppliedConfirmation applied)
{
    public const string RelateAction = "relate";

    /// <summary>
    /// Bulk: <c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c> and <c>play</c> go to the selected or
    /// chosen members (<see cref="BulkParticipantActions"/>); <c>relate</c> relates two members.
    /// </summary>
    public async Task<ConferenceActionResult> HandleParticipantsActionAsync(ActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = ParticipantSelection.For(request.Action);
        if (selection is null && request.Action is not (ConferenceActions.PlayAction or RelateAction))
        {
            throw KazooErrors.FaultyRequest();
        }
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        return request.Action switch
        {
            ConferenceActions.PlayAction => await bulk.PlayAsync(request, conference, ct).ConfigureAwait(false),
            RelateAction => await relation.RelateAsync(request, conference, ct).ConfigureAwait(false),
            _ => await bulk.SendAsync(selection!, request, conference, ct).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Single: <c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c> send their command with
    /// <c>Participant-ID</c> as an integer; <c>play</c> sends <c>play</c> with the path token (a string). The
    /// participant must be in the running conference (docs/compatibility.md D3). Answers <c>"ok"</c>.
    /// </summary>
    public async Task<ConferenceActionResult> HandleParticipantActionAsync(ActionRequest request, string participantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = ParticipantSelection.For(request.Action);
        if (selection is null && request.Action != ConferenceActions.PlayAction)
        {
            throw KazooErrors.FaultyRequest();
        }
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        var participant = conference.Participant(participantId);
        if (selection is null)
        {
            await commands.PlayAsync(request.ConferenceId, PlayData.MediaName(request), participantId, ct).ConfigureAwait(false);
        }
        else
        {
            using var watch = applied.WatchIf(request, [new AppliedExpectation(selection.ConfirmingEvent, participant.ParticipantId)]);
            await commands.ParticipantAsync(selection.Command, request.ConferenceId, participant.ParticipantId, ct).ConfigureAwait(false);
            return await applied.AnswerAsync(ConferenceActionResult.Ok(conference.Revision), watch, ct).ConfigureAwait(false);
        }
        return ConferenceActionResult.Ok(conference.Revision);
    }

    private Task<LoadedConference> LoadAsync(ActionRequest request, CancellationToken ct) =>
        lookup.LoadAsync(request.AccountId, request.ConferenceId, request.Body, ct);
}
