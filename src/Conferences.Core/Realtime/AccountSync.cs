namespace Conferences.Core.Realtime;

/// <summary>Where one account's resync stands; fields guarded by locking the instance, <see cref="Synced"/> also read lock-free.</summary>
internal sealed class AccountSync
{
    /// <summary>The latest generation in which the account was resynchronised; -1 before the first.</summary>
    public long Synced = -1;
    public Task? Running;
    public long RunningGeneration;
    public long RunId;
    public bool Queued;
    public bool Attempted;
    public int PartialRetries;

    /// <summary>Counts one more repeat of a search a manager left unanswered; false, and the count reset, when none is due.</summary>
    public bool CountPartialRetry(AccountSyncResult result, int maxRetries)
    {
        lock (this)
        {
            if (result != AccountSyncResult.Partial || PartialRetries >= maxRetries)
            {
                PartialRetries = 0;
                return false;
            }
            PartialRetries++;
            return true;
        }
    }

    /// <summary>A queued sweep run takes its turn; false when a reader's run replaced it meanwhile.</summary>
    public bool Dequeue(long runId)
    {
        lock (this)
        {
            if (RunId != runId)
            {
                return false;
            }
            Queued = false;
            return true;
        }
    }

    public void EndRun(long runId)
    {
        lock (this)
        {
            if (RunId == runId)
            {
                Running = null;
            }
        }
    }

    public bool IsSyncedIn(long generation) => Volatile.Read(ref Synced) >= generation;

    /// <summary>Raises <see cref="Synced"/> to <paramref name="generation"/> unless a later run got there first.</summary>
    public void MarkSynced(long generation)
    {
        var seen = Volatile.Read(ref Synced);
        while (seen < generation)
        {
            var previous = Interlocked.CompareExchange(ref Synced, generation, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }
}
