namespace Conferences.Core.Actions;

/// <summary>
/// PUT <c>…/conferences/{id}/participants</c> (<c>cb_conferences:handle_participants_action/3</c>) and
/// PUT <c>…/participants/{pid}</c> (<c>cb_conferences:participant_action/4</c>). A missing or unknown action is 404
/// <c>faulty_request</c>, checked first; the conference must be stored or running, and who is in it comes from the
/// live state, never from a search (docs/compatibility.md D2, D3, D7).
/// </summary>
public sealed class ParticipantActions(ConferenceLookup lookup, ConferenceControl control, ConferenceCommands commands, ParticipantRelation relation)
{
    public const string RelateAction = "relate";

    /// <summary>
    /// Bulk: <c>mute</c>, <c>unmute</c>, <c>deaf</c>, <c>undeaf</c>, <c>kick</c> send one command per selected member
    /// (<see cref="ParticipantSelection"/>) with <c>Participant-ID</c> as a string, as crossbar sends it, and answer
    /// the conference's public document; <c>play</c> is the conference's play; <c>relate</c> relates two members.
    /// </summary>
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
            await commands.ParticipantAsync(selection.Command, request.ConferenceId, participant.ParticipantId, ct).ConfigureAwait(false);
        }
        return ConferenceActionResult.Ok(conference.Revision);
    }

    private Task<LoadedConference> LoadAsync(ActionRequest request, CancellationToken ct) =>
        lookup.LoadAsync(request.AccountId, request.ConferenceId, request.Body, ct);
}
