namespace Conferences.Core.Blackhole;

/// <summary>The <c>data</c> of a websocket snapshot frame: the conference as GET shows it (docs/websocket.md,
/// "Snapshots").</summary>
public interface IConferenceSnapshots
{
    /// <param name="accountId">null when the account is not known (a <c>*</c> subscription with no event held).</param>
    /// <exception cref="DatastoreUnavailableException">the store cannot be read now.</exception>
    Task<JsonObject> LoadAsync(string? accountId, string conferenceId, CancellationToken cancellationToken);
}
