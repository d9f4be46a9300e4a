using Conferences.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace Conferences.Core.Realtime;

/// <summary>
/// Conference resyncs: an event that does not fit the state, or a join, asks for a search of its conference; a
/// request for a conference already being searched is coalesced into one more search after it.
/// </summary>
public sealed partial class LiveSyncScheduler
{
    /// <summary>Asks for a search of one conference (its events do not fit the state, or a member joined).</summary>
    public void RequestConference(string accountId, string conferenceId)
    {
        var key = (accountId, conferenceId);
        ConferenceResync resync;
        lock (resyncGate)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            if (conferenceResyncs.TryGetValue(key, out var running))
            {
                running.Again = true;
                return;
            }
            conferenceResyncs[key] = resync = new ConferenceResync();
        }
        Track(Task.Run(() => RunConferenceAsync(key, resync), CancellationToken.None));
    }

    private async Task RunConferenceAsync((string Account, string Conference) key, ConferenceResync resync)
    {
        while (true)
        {
            try
            {
                await sync.SyncConferenceAsync(key.Account, key.Conference, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (BusUnavailableException e)
            {
                LogConferenceFailed(key.Account, key.Conference, e.Message);
            }
            lock (resyncGate)
            {
                if (!resync.Again || stopping.IsCancellationRequested)
                {
                    conferenceResyncs.Remove(key);
                    return;
                }
                resync.Again = false;
            }
        }
    }

    private sealed class ConferenceResync
    {
        public bool Again;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resynchronising conference {AccountId}/{ConferenceId} failed: {Reason}")]
    private partial void LogConferenceFailed(string accountId, string conferenceId, string reason);
}
