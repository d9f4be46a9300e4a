namespace Conferences.Core.Realtime;

// Searches asked for by events that do not fit, or by joins; a request during a search is coalesced into one more.
internal sealed partial class ConferenceResyncs(LiveConferenceSync sync, ResyncTasks tasks, ILogger logger)
{
    private readonly Dictionary<(string Account, string Conference), Resync> running = [];
    private readonly Lock gate = new();

    public void Request(string accountId, string conferenceId)
    {
        var key = (accountId, conferenceId);
        Resync resync;
        lock (gate)
        {
            if (tasks.IsStopping)
            {
                return;
            }
            if (running.TryGetValue(key, out var current))
            {
                current.Again = true;
                return;
            }
            running[key] = resync = new Resync();
        }
        tasks.Track(Task.Run(() => RunAsync(key, resync), CancellationToken.None));
    }

    private async Task RunAsync((string Account, string Conference) key, Resync resync)
    {
        while (true)
        {
            try
            {
                await sync.SyncConferenceAsync(key.Account, key.Conference, tasks.Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (tasks.IsStopping)
            {
                return;
            }
            catch (BusUnavailableException e)
            {
                LogConferenceFailed(key.Account, key.Conference, e.Message);
            }
            lock (gate)
            {
                if (!resync.Again || tasks.IsStopping)
                {
                    running.Remove(key);
                    return;
                }
                resync.Again = false;
            }
        }
    }

    private sealed class Resync
    {
        public bool Again;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resynchronising conference {AccountId}/{ConferenceId} failed: {Reason}")]
    private partial void LogConferenceFailed(string accountId, string conferenceId, string reason);
}
