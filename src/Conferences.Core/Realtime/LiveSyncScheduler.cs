using System.Collections.Concurrent;
using Conferences.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace Conferences.Core.Realtime;

/// <summary>
/// Decides when the live state is resynchronised (profile D7) and runs those searches off the request path.
/// <para>
/// <b>Accounts.</b> The state is trusted per account and per <i>generation</i>. A new generation begins when the event
/// feed subscribes (start-up), after every bus reconnection (events were lost) and when a media manager joins (its
/// conferences may be unknown). The first read of an account in a generation awaits that account's resync — one
/// account search plus a conference search per running conference; each collect stops as soon as every known manager
/// answered, and the reader waits at most <see cref="MaxReadWait"/> before it is served what the state holds. Later
/// reads of the account cost no bus round trip. A new generation also starts an eager background sweep over every
/// account this instance has read or seen running, a few at a time, so that most accounts are current before they are
/// read again; a reader overtakes its account's place in that queue. An account whose search nobody could answer
/// (no media manager known) is not marked synced, which costs nothing: with no manager nothing is published. One that
/// a known manager left unanswered (it may still be reconnecting) counts as synced for readers and is searched again
/// in the background, a few times.
/// </para>
/// <para>
/// <b>Conferences.</b> An event that does not fit the state (<see cref="LiveApplyOutcome.Inconsistent"/>) asks for a
/// conference search; requests for a conference already being searched are coalesced into one more search after it.
/// </para>
/// </summary>
public sealed partial class LiveSyncScheduler(
    LiveConferenceState state,
    LiveConferenceSync sync,
    TimeProvider clock,
    ILogger<LiveSyncScheduler> logger) : IAsyncDisposable
{
    /// <summary>The longest a read waits for its account's resync (an account search and its conference searches, 2 s collects).</summary>
    public static readonly TimeSpan MaxReadWait = TimeSpan.FromSeconds(3);

    /// <summary>How often, and how long apart, an account search a manager left unanswered is repeated.</summary>
    private const int MaxPartialRetries = 3;

    private static readonly TimeSpan PartialRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>How many accounts a sweep resynchronises at once.</summary>
    private const int SweepParallelism = 4;

    private readonly ConcurrentDictionary<string, AccountSync> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Conference), ConferenceResync> conferenceResyncs = [];
    private readonly Lock resyncGate = new();
    private readonly SemaphoreSlim sweepGate = new(SweepParallelism, SweepParallelism);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> background = new();
    private long generation;
    private long runIds;

    /// <summary>The current generation (for tests and logs).</summary>
    public long Generation => Volatile.Read(ref generation);

    /// <summary>Completes at once when the account is synced in the current generation; otherwise awaits its resync (bounded).</summary>
    public ValueTask EnsureSyncedAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref generation);
        var account = accounts.GetOrAdd(accountId, static _ => new AccountSync());
        if (Volatile.Read(ref account.Synced) >= current)
        {
            return ValueTask.CompletedTask;
        }
        return new ValueTask(WaitBoundedAsync(accountId, Start(accountId, account, current, fromSweep: false), cancellationToken));
    }

    /// <summary>Whether the account is synced in the current generation.</summary>
    public bool IsSynced(string accountId) =>
        accounts.TryGetValue(accountId, out var account) && Volatile.Read(ref account.Synced) >= Volatile.Read(ref generation);

    /// <summary>Starts a new generation: every account must be resynchronised; known accounts are swept in the background.</summary>
    public void Invalidate(string reason)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        var current = Interlocked.Increment(ref generation);
        var known = accounts.Where(a => Volatile.Read(ref a.Value.Synced) >= 0 || a.Value.Attempted).Select(a => a.Key)
            .Union(state.Accounts, StringComparer.Ordinal).ToList();
        LogInvalidated(reason, current, known.Count);
        foreach (var accountId in known)
        {
            Start(accountId, accounts.GetOrAdd(accountId, static _ => new AccountSync()), current, fromSweep: true);
        }
    }

    /// <summary>Stops resynchronising and waits for the searches under way.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (resyncGate)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            stopping.Cancel();
        }
        // the token source and the gate stay undisposed: a late reader may still look at them
        await Task.WhenAll(background.Keys).ConfigureAwait(false);
    }

    private Task Start(string accountId, AccountSync account, long current, bool fromSweep)
    {
        if (stopping.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }
        lock (account)
        {
            // a run of this generation serves everyone, except that a reader does not queue behind a sweep
            if (account.Running is { } running && account.RunningGeneration >= current && (fromSweep || !account.Queued))
            {
                return running;
            }
            var runId = Interlocked.Increment(ref runIds);
            account.RunId = runId;
            account.RunningGeneration = current;
            account.Queued = fromSweep;
            account.Attempted = true;
            var started = Task.Run(() => RunAccountAsync(accountId, account, current, runId, fromSweep), CancellationToken.None);
            account.Running = started;
            Track(started);
            return started;
        }
    }

    private async Task RunAccountAsync(string accountId, AccountSync account, long current, long runId, bool fromSweep)
    {
        var gated = false;
        try
        {
            if (fromSweep)
            {
                await sweepGate.WaitAsync(stopping.Token).ConfigureAwait(false);
                gated = true;
                lock (account)
                {
                    if (account.RunId != runId)
                    {
                        return; // a reader overtook this queued run
                    }
                    account.Queued = false;
                }
            }
            var result = await sync.SyncAccountAsync(accountId, stopping.Token).ConfigureAwait(false);
            if (result != AccountSyncResult.NobodyToAsk)
            {
                // readers stop waiting for this generation even when a manager stayed silent (each would wait for
                // the collect timeout again); the silent manager is asked again in the background, a few times
                InterlockedMax(ref account.Synced, current);
            }
            RetryIfPartial(accountId, account, current, result);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // shutting down
        }
        catch (BusUnavailableException e)
        {
            // the reconnection starts a new generation, which resynchronises again
            LogAccountFailed(accountId, e.Message);
        }
        finally
        {
            if (gated)
            {
                sweepGate.Release();
            }
            lock (account)
            {
                if (account.RunId == runId)
                {
                    account.Running = null;
                }
            }
        }
    }

    private void RetryIfPartial(string accountId, AccountSync account, long current, AccountSyncResult result)
    {
        lock (account)
        {
            if (result != AccountSyncResult.Partial || account.PartialRetries >= MaxPartialRetries)
            {
                account.PartialRetries = 0;
                return;
            }
            account.PartialRetries++;
        }
        Track(Task.Run(async () =>
        {
            try
            {
                await Task.Delay(PartialRetryDelay, clock, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (Volatile.Read(ref generation) == current)
            {
                lock (account)
                {
                    account.Running = null; // this generation's run is over; start another one
                }
                _ = Start(accountId, account, current, fromSweep: true);
            }
        }, CancellationToken.None));
    }

    private async Task WaitBoundedAsync(string accountId, Task resync, CancellationToken ct)
    {
        try
        {
            await resync.WaitAsync(MaxReadWait, clock, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogReadNotWaiting(accountId, MaxReadWait.TotalSeconds);
        }
    }

    private void Track(Task task)
    {
        background.TryAdd(task, 0);
        task.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
            background, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }

    /// <summary>Where one account stands; fields guarded by locking the instance (<see cref="Synced"/> read lock-free).</summary>
    private sealed class AccountSync
    {
        public long Synced = -1;
        public Task? Running;
        public long RunningGeneration;
        public long RunId;
        public bool Queued;
        public bool Attempted;
        public int PartialRetries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live conference state: resynchronising ({Reason}), generation {Generation}, sweeping {Accounts} accounts")]
    private partial void LogInvalidated(string reason, long generation, int accounts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resynchronising account {AccountId} failed: {Reason}")]
    private partial void LogAccountFailed(string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} is still resynchronising after {Seconds} s; answering from the state as it is")]
    private partial void LogReadNotWaiting(string accountId, double seconds);
}
