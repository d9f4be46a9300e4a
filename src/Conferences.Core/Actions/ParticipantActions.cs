using Conferences.Core.Actions.Applied;

namespace Conferences.Core.Actions;

/// <summary><c>handle_participants_action/3</c> and <c>participant_action/4</c>; members come from the live state (D3,
/// D7).</summary>
public sealed class ParticipantActions(ConferenceLookup lookup, BulkParticipantActions bulk, ConferenceCommands commands, ParticipantRelation relation, AppliedConfirmation applied)
{
    public const string RelateAction = "relate";

    /// <summary>Bulk: one command per selected member, <c>Participant-ID</c> a string as crossbar sends it.</summary>
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

    /// <summary>Single: <c>Participant-ID</c> an integer; the participant must be in the running conference
    /// (D3).</summary>
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
