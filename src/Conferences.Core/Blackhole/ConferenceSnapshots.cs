namespace Conferences.Core.Blackhole;

/// <summary>GET <c>/v2/accounts/{a}/conferences/{c}</c>'s <c>data</c>; where GET answers 404, <c>{"id": c}</c> with the
/// <c>_read_only</c> of a conference that is not running (docs/websocket.md, "Snapshots").</summary>
public sealed class ConferenceSnapshots(ConferenceService conferences) : IConferenceSnapshots
{
    private const int NotFound = 404;

    public async Task<JsonObject> LoadAsync(string? accountId, string conferenceId, CancellationToken cancellationToken)
    {
        if (accountId is not null)
        {
            try
            {
                return (await conferences.ReadAsync(accountId, conferenceId, cancellationToken).ConfigureAwait(false)).Data;
            }
            catch (CrossbarException e) when (e.Status == NotFound)
            {
                // neither stored nor running
            }
        }
        return new JsonObject { ["id"] = conferenceId, ["_read_only"] = ReadOnlyView.Idle(withParticipants: true) };
    }
}
