namespace Conferences.Core.Blackhole;

// The replay or snapshot of each new event binding of a since/snapshot subscribe; a command binding starts live.
internal sealed class BlackholeStarts(BlackholeEventHub hub, IConferenceSnapshots snapshots)
{
    /// <exception cref="DatastoreUnavailableException">a snapshot could not be read.</exception>
    public async Task<Dictionary<string, BlackholeStart>> PlanAsync(
        BlackholeSubscriptionRequest request, IEnumerable<(BlackholeBinding Binding, BlackholeListener Listener)> added, CancellationToken ct)
    {
        var starts = new Dictionary<string, BlackholeStart>(StringComparer.Ordinal);
        var loaded = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (binding, listener) in added)
        {
            var client = binding.ClientBinding;
            if (listener.Membership is not { } membership || hub.Resume(membership, request.Snapshot ? null : request.Since) is not { } resume)
            {
                continue;
            }
            if (resume.Replay is { } replay)
            {
                starts[client] = new BlackholeStart([.. replay.Select(e => listener.Frame(client, e))], resume.After);
                continue;
            }
            if (!loaded.TryGetValue(resume.ConferenceId, out var data))
            {
                var account = request.AccountId == BlackholeProtocol.AnyAccount ? resume.Newest?.AccountWord : request.AccountId;
                data = await snapshots.LoadAsync(account, resume.ConferenceId, ct).ConfigureAwait(false);
                loaded.Add(resume.ConferenceId, data);
            }
            starts[client] = new BlackholeStart([BlackholeSnapshotFrame.Render(client, resume.Newest?.Cursor, data)], resume.After);
        }
        return starts;
    }
}
