namespace Conferences.Core.Webhooks;

/// <summary>
/// The one writer of every sender's results: the outbox removals and attempt-log documents of all webhooks, gathered
/// for <see cref="Interval"/> and written in one bulk write beside the sending, not in its path (ADR 0018). A sender
/// awaits the task it was given only where order needs it: before it reads the outbox, gives its lease up, or disables.
/// </summary>
public sealed partial class WebhookLedger(WebhookOutbox outbox, WebhookAttemptPruner pruner, TimeProvider clock, ILogger<WebhookLedger> logger)
{
    /// <summary>How long results gather before they are written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private const int MaxTries = 12;
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private List<PendingDelivery> done = [];
    private List<JsonObject> attempts = [];
    private Dictionary<string, int> logged = new(StringComparer.Ordinal);
    private TaskCompletionSource written = NewSource();
    private bool running;
    private long failures;

    /// <summary>How many batches were refused for good: a sender that sees it move reads the outbox again.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>
    /// Queues a delivery done with (null when it stays pending) and the log documents of its attempts; the task ends
    /// when they are written, and faults when the store refused them for good (the delivery is then sent again).
    /// </summary>
    public Task Add(string webhookId, PendingDelivery? delivery, IReadOnlyCollection<JsonObject> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        lock (gate)
        {
            if (delivery is not null)
            {
                done.Add(delivery);
            }
            if (log.Count > 0)
            {
                attempts.AddRange(log);
                logged[webhookId] = logged.GetValueOrDefault(webhookId) + log.Count;
            }
            if (!running)
            {
                running = true;
                _ = Task.Run(RunAsync);
            }
            return written.Task;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            await Task.Delay(Interval, clock).ConfigureAwait(false);
            (List<PendingDelivery> Done, List<JsonObject> Attempts, Dictionary<string, int> Logged, TaskCompletionSource Written) batch;
            lock (gate)
            {
                if (done.Count == 0 && attempts.Count == 0)
                {
                    running = false;
                    written.SetResult(); // nothing was queued since the last write: a caller holding this task has nothing pending
                    written = NewSource();
                    return;
                }
                batch = (done, attempts, logged, written);
                (done, attempts, logged, written) = ([], [], new(StringComparer.Ordinal), NewSource());
            }
            if (await WriteAsync(batch.Done, batch.Attempts).ConfigureAwait(false) is { } failure)
            {
                Interlocked.Increment(ref failures);
                batch.Written.SetException(failure);
                continue;
            }
            batch.Written.SetResult();
            foreach (var (webhookId, count) in batch.Logged)
            {
                await PruneAsync(webhookId, count).ConfigureAwait(false);
            }
        }
    }

    // not cancelled by stopping: the senders wait for what they sent to be written down before the instance goes
    private async Task<Exception?> WriteAsync(List<PendingDelivery> removals, List<JsonObject> log)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.SettleAsync(removals, log, CancellationToken.None).ConfigureAwait(false);
                return null;
            }
            catch (DatastoreUnavailableException e) when (attempt < MaxTries)
            {
                LogRetry(e, log.Count, removals.Count, delay);
                await Task.Delay(delay, clock).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackOff.Ticks));
            }
            catch (Exception e)
            {
                LogLost(e, log.Count, removals.Count);
                return e;
            }
        }
    }

    // a pruning that fails is tried again later and stops nothing
    private async Task PruneAsync(string webhookId, int count)
    {
        try
        {
            await pruner.WrittenAsync(webhookId, count, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPruneFailed(e, webhookId);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Attempts} webhook attempts and {Removals} outbox removals failed; trying again in {Delay}")]
    private partial void LogRetry(Exception exception, int attempts, int removals, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Attempts} webhook attempts and {Removals} outbox removals not written: those deliveries are sent again, those attempts are not in the log")]
    private partial void LogLost(Exception exception, int attempts, int removals);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the attempt log of webhook {WebhookId} failed")]
    private partial void LogPruneFailed(Exception exception, string webhookId);
}
