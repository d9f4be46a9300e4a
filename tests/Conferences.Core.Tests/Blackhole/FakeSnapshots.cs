using Conferences.Core.Storage;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>Snapshots as the conference store would give them, recording what was asked; can fail as a store that is down.</summary>
internal sealed class FakeSnapshots : IConferenceSnapshots
{
    public ConcurrentQueue<(string? Account, string Conference)> Loaded { get; } = new();

    public bool Unavailable { get; set; }

    public Task<JsonObject> LoadAsync(string? accountId, string conferenceId, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new DatastoreUnavailableException("the store is down");
        }
        Loaded.Enqueue((accountId, conferenceId));
        return Task.FromResult(new JsonObject { ["id"] = conferenceId, ["account"] = accountId, ["_read_only"] = new JsonObject() });
    }
}
