namespace Conferences.Core.Realtime;

// Fields guarded by locking the instance; Synced is also read lock-free.
internal sealed class AccountSync
{
    // -1 before the first resync.
    public long Synced = -1;
    public Task? Running;
    public long RunningGeneration;
    public long RunId;
    public bool Queued;
    public bool Attempted;
    public int PartialRetries;

    // Counts one more repeat of a search a manager left unanswered; false, and the count reset, when none is due.
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

    // False when a reader's run replaced this queued sweep run meanwhile.
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

    // Unless a later run got there first.
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
