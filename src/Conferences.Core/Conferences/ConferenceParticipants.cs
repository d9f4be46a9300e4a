using System.Globalization;
using System.Text.Json.Nodes;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;
using Conferences.Core.Realtime;

namespace Conferences.Core.Conferences;

/// <summary>
/// GET <c>…/conferences/{id}/participants[/{pid}]</c> (kazoo-reference §1.6.3–§1.6.4) from the live state, with the
/// profile's rules: the conference must be stored or running (D1); an unknown or non-integer participant is 404
/// <c>bad_identifier</c> with <c>data</c> <c>{"id": pid, "message": "bad identifier"}</c> (D3); objects of D6.
/// </summary>
public sealed class ConferenceParticipants(ConferenceLookup lookup, TimeProvider clock)
{
    /// <summary>The participants of the running conference; <c>[]</c> for a stored conference that is not running.</summary>
    public async Task<JsonNode> ListAsync(CrossbarContext context, string conferenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var conference = await lookup.LoadAsync(context.AccountId, conferenceId, ct).ConfigureAwait(false);
        return conference.Live is { } live ? ParticipantView.ListNode(live, Gregorian.Now(clock)) : new JsonArray();
    }

    public async Task<JsonObject> GetAsync(CrossbarContext context, string conferenceId, string participantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var conference = await lookup.LoadAsync(context.AccountId, conferenceId, ct).ConfigureAwait(false);
        if (conference.Live is { } live
            && long.TryParse(participantId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && live.FindParticipant(id) is { } participant)
        {
            return ParticipantView.Render(live, participant, Gregorian.Now(clock));
        }
        throw KazooErrors.UnknownParticipant(participantId);
    }
}
