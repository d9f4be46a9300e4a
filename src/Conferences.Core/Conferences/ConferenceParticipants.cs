namespace Conferences.Core.Conferences;

/// <summary><c>cb_conferences:validate_participants/3</c> from the live state (docs/compatibility.md D1, D3,
/// D6).</summary>
public sealed class ConferenceParticipants(ConferenceLookup lookup, TimeProvider clock)
{
    /// <summary>The participants of the running conference; <c>[]</c> for a stored conference that is not running.</summary>
    public async Task<JsonNode> ListAsync(string accountId, string conferenceId, CancellationToken ct)
    {
        var conference = await lookup.LoadAsync(accountId, conferenceId, ct).ConfigureAwait(false);
        return conference.Live is { } live ? ParticipantView.ListNode(live, Gregorian.Now(clock)) : new JsonArray();
    }

    public async Task<JsonObject> GetAsync(string accountId, string conferenceId, string participantId, CancellationToken ct)
    {
        var conference = await lookup.LoadAsync(accountId, conferenceId, ct).ConfigureAwait(false);
        var participant = conference.Participant(participantId);
        return ParticipantView.Render(conference.Live!, participant, Gregorian.Now(clock));
    }
}
