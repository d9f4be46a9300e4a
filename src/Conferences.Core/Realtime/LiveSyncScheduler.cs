namespace Conferences.Core.Realtime;

/// <summary>Decides when the live state is resynchronised and runs the searches off the request path (D7).</summary>
public sealed partial class LiveSyncScheduler : IAsyncDisposable
{
    /// <summary>The longest a read waits for its account's resync (an account search and its conference searches, 2 s collects).</summary>
    public static readonly TimeSpan MaxReadWait = TimeSpan.FromSeconds(3);

    // how often, and how long apart, an account search a manager left unanswered is repeated
    private const int MaxPartialRetries = 3;
    private static readonly TimeSpan PartialRetryDelay = TimeSpan.FromSeconds(2);

    private const int SweepParallelism = 4; // accounts a sweep resynchronises at once

    private readonly ConcurrentDictionary<string, AccountSync> accounts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sweepGate = new(SweepParallelism, SweepParallelism);
    private readonly LiveConferenceState state;
    private readonly LiveConferenceSync sync;
    private readonly TimeProvider clock;
    private readonly ILogger<LiveSyncScheduler> logger;
    private readonly ResyncTasks tasks = new();
    private readonly ConferenceResyncs conferences;
    private long generation;
    private long runIds;

    public LiveSyncScheduler(LiveConferenceState state, LiveConferenceSync sync, TimeProvider clock, ILogger<LiveSyncScheduler> logger)
    {
        this.state = state;
        this.sync = sync;
        this.clock = clock;
        this.logger = logger;
        conferences = new ConferenceResyncs(sync, tasks, logger);
    }

    public long Generation => Volatile.Read(ref generation);

    /// <summary>Completes at once when the account is synced in the current generation; otherwise awaits its resync (bounded).</summary>
    public ValueTask EnsureSyncedAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref generation);
        var account = accounts.GetOrAdd(accountId, static _ => new AccountSync());
        if (account.IsSyncedIn(current))
        {
            return ValueTask.CompletedTask;
        }
        return new ValueTask(WaitBoundedAsync(accountId, Start(accountId, account, current, fromSweep: false), cancellationToken));
    }

    public bool IsSynced(string accountId) =>
        accounts.TryGetValue(accountId, out var account) && account.IsSyncedIn(Volatile.Read(ref generation));

    public void RequestConference(string accountId, string conferenceId) => conferences.Request(accountId, conferenceId);

    /// <summary>Starts a new generation: every account must be resynchronised; known accounts are swept in the background.</summary>
    public void Invalidate(string reason)
    {
        if (tasks.IsStopping)
        {
            return;
        }
        var current = Interlocked.Increment(ref generation);
        var known = accounts.Where(a => a.Value.IsSyncedIn(0) || a.Value.Attempted).Select(a => a.Key)
            .Union(state.Accounts, StringComparer.Ordinal).ToList();
        LogInvalidated(reason, current, known.Count);
        foreach (var accountId in known)
        {
            Start(accountId, accounts.GetOrAdd(accountId, static _ => new AccountSync()), current, fromSweep: true);
        }
    }

    public async ValueTask DisposeAsync() => await tasks.StopAsync().ConfigureAwait(false);

    private Task Start(string accountId, AccountSync account, long current, bool fromSweep)
    {
        if (tasks.IsStopping)
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
            tasks.Track(started);
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
                await sweepGate.WaitAsync(tasks.Stopping).ConfigureAwait(false);
                gated = true;
                if (!account.Dequeue(runId))
                {
                    return; // a reader overtook this queued run
                }
            }
            var result = await sync.SyncAccountAsync(accountId, tasks.Stopping).ConfigureAwait(false);
            if (result != AccountSyncResult.NobodyToAsk)
            {
                // readers stop waiting for this generation even when a manager stayed silent (each would wait for
                // the collect timeout again); the silent manager is asked again in the background, a few times
                account.MarkSynced(current);
            }
            RetryIfPartial(accountId, account, current, result);
        }
        catch (OperationCanceledException) when (tasks.IsStopping)
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
            account.EndRun(runId);
        }
    }

    private void RetryIfPartial(string accountId, AccountSync account, long current, AccountSyncResult result)
    {
        if (!account.CountPartialRetry(result, MaxPartialRetries))
        {
            return;
        }
        tasks.Track(Task.Run(async () =>
        {
            try
            {
                await Task.Delay(PartialRetryDelay, clock, tasks.Stopping).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Live conference state: resynchronising ({Reason}), generation {Generation}, sweeping {Accounts} accounts")]
    private partial void LogInvalidated(string reason, long generation, int accounts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resynchronising account {AccountId} failed: {Reason}")]
    private partial void LogAccountFailed(string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} is still resynchronising after {Seconds} s; answering from the state as it is")]
    private partial void LogReadNotWaiting(string accountId, double seconds);
}
