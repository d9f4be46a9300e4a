namespace Conferences.Core.Realtime;

public sealed class LiveConferences(LiveConferenceState state, LiveSyncScheduler scheduler) : ILiveConferences
{
    public ValueTask<LiveConference?> FindAsync(string accountId, string conferenceId, CancellationToken cancellationToken)
    {
        var synced = scheduler.EnsureSyncedAsync(accountId, cancellationToken);
        return synced.IsCompletedSuccessfully
            ? ValueTask.FromResult(state.Find(accountId, conferenceId))
            : FindAfterAsync(synced, accountId, conferenceId);
    }

    public ValueTask<IReadOnlyList<LiveConference>> RunningAsync(string accountId, CancellationToken cancellationToken)
    {
        var synced = scheduler.EnsureSyncedAsync(accountId, cancellationToken);
        return synced.IsCompletedSuccessfully
            ? ValueTask.FromResult(state.RunningIn(accountId))
            : RunningAfterAsync(synced, accountId);
    }

    public ValueTask<LiveAccount> AccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var synced = scheduler.EnsureSyncedAsync(accountId, cancellationToken);
        return synced.IsCompletedSuccessfully ? ValueTask.FromResult(View(accountId)) : AccountAfterAsync(synced, accountId);
    }

    public async ValueTask<LiveParticipant?> FindParticipantAsync(string accountId, string conferenceId, long participantId, CancellationToken cancellationToken) =>
        (await FindAsync(accountId, conferenceId, cancellationToken).ConfigureAwait(false))?.FindParticipant(participantId);

    private async ValueTask<LiveConference?> FindAfterAsync(ValueTask synced, string accountId, string conferenceId)
    {
        await synced.ConfigureAwait(false);
        return state.Find(accountId, conferenceId);
    }

    private LiveAccount View(string accountId) => new(accountId, id => state.Find(accountId, id), () => state.RunningIn(accountId));

    private async ValueTask<LiveAccount> AccountAfterAsync(ValueTask synced, string accountId)
    {
        await synced.ConfigureAwait(false);
        return View(accountId);
    }

    private async ValueTask<IReadOnlyList<LiveConference>> RunningAfterAsync(ValueTask synced, string accountId)
    {
        await synced.ConfigureAwait(false);
        return state.RunningIn(accountId);
    }
}
