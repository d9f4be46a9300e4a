namespace Conferences.Core.Actions;

/// <summary><c>handle_participants_action/3</c> and <c>participant_action/4</c>; members come from the live state (D3,
/// D7).</summary>
public sealed class ParticipantActions(ConferenceLookup lookup, ConferenceControl control, ConferenceCommands commands, ParticipantRelation relation)
{
    public const string RelateAction = "relate";

    /// <summary>Bulk: one command per selected member, <c>Participant-ID</c> a string as crossbar sends it.</summary>
    public async Task<ConferenceActionResult> HandleParticipantsActionAsync(ActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Action)
        {
            case ConferenceActions.PlayAction:
                return await control.PlayAsync(request, ct).ConfigureAwait(false);
            case RelateAction:
                var related = await LoadAsync(request, ct).ConfigureAwait(false);
                return await relation.RelateAsync(request, related, ct).ConfigureAwait(false);
        }
        var selection = ParticipantSelection.For(request.Action) ?? throw KazooErrors.FaultyRequest();
        var conference = await LoadAsync(request, ct).ConfigureAwait(false);
        if (conference.Live is { } live)
        {
            // every command must be confirmed by the bus before the answer (a 201 means they were all accepted)
            await Task.WhenAll(selection.In(live).Select(p =>
                commands.ParticipantAsync(selection.Command, request.ConferenceId, p.ParticipantId.ToString(CultureInfo.InvariantCulture), ct))).ConfigureAwait(false);
        }
        return new ConferenceActionResult(conference.PublicView(), conference.Revision);
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
            await commands.ParticipantAsync(selection.Command, request.ConferenceId, participant.ParticipantId, ct).ConfigureAwait(false);
        }
        return ConferenceActionResult.Ok(conference.Revision);
    }

    private Task<LoadedConference> LoadAsync(ActionRequest request, CancellationToken ct) =>
        lookup.LoadAsync(request.AccountId, request.ConferenceId, request.Body, ct);
}
