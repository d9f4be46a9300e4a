namespace Conferences.Core.Webhooks;

/// <summary>
/// Sends the outbox's deliveries: one worker per webhook that has pending ones, holding that webhook's lease, sending
/// its deliveries one at a time in ticket order (<see cref="WebhookWorker"/>), so a slow or dead receiver holds back
/// its own webhook only. A delivery whose retries are spent disables the webhook and stays pending (sent when it is
/// enabled again); a deleted webhook's deliveries are dropped. The intake hands over what it wrote; the outbox is also
/// searched every <see cref="WebhookOptions.PollInterval"/> for webhooks no worker of this instance sends (deliveries
/// left by a stopped instance or written by another one, leases that expired).
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookOutbox outbox,
    WebhookLeases leases,
    WebhookWorker worker,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    private const int MaxPolled = 1000;

    private readonly ConcurrentDictionary<string, WebhookWorkerState> workers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);
    private CancellationToken stopping;

    /// <summary>Runs until <paramref name="ct"/> is cancelled, then waits for the workers to stop.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        stopping = ct;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var webhook in await outbox.WebhooksWithPendingAsync(MaxPolled, ct).ConfigureAwait(false))
                {
                    // a webhook this instance sends already is left alone: it reads the outbox when it starts again
                    if (!workers.TryGetValue(webhook, out var state) || !state.Active)
                    {
                        Wake(webhook);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(e);
            }
            try
            {
                await wake.WaitAsync(options.Value.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(workers.Values.Select(w => w.Running)).ConfigureAwait(false);
    }

    /// <summary>The webhook may have deliveries this instance was not handed: its worker reads the outbox.</summary>
    public void Wake(string webhookId)
    {
        if (!stopping.IsCancellationRequested)
        {
            var state = workers.GetOrAdd(webhookId, _ => new WebhookWorkerState());
            Start(webhookId, state, state.Wake());
        }
    }

    /// <summary>Deliveries the intake has just written (in ticket order): their workers send them without reading the outbox.</summary>
    public void Hand(IEnumerable<PendingDelivery> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var pending in written)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            var state = workers.GetOrAdd(pending.Delivery.WebhookId, _ => new WebhookWorkerState());
            Start(pending.Delivery.WebhookId, state, state.Hand(pending));
        }
    }

    private void Start(string webhookId, WebhookWorkerState state, bool needed)
    {
        if (needed)
        {
            state.Running = Task.Run(() => WorkAsync(webhookId, state));
        }
    }

    private async Task WorkAsync(string webhookId, WebhookWorkerState state)
    {
        var idle = false;
        try
        {
            while (await leases.TryHoldAsync(webhookId, stopping).ConfigureAwait(false))
            {
                try
                {
                    idle = await worker.DeliverPendingAsync(webhookId, state, stopping).ConfigureAwait(false);
                }
                finally
                {
                    await leases.ReleaseAsync(webhookId, CancellationToken.None).ConfigureAwait(false);
                }
                if (!idle || stopping.IsCancellationRequested)
                {
                    idle = false;
                    return;
                }
                if (state.TryStop())
                {
                    return;
                }
                idle = false; // work came meanwhile: take the lease again
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            idle = false; // stopping: what is left stays in the outbox
        }
        catch (Exception e)
        {
            idle = false; // a lease release that failed after an idle round too: the poll starts the worker again
            LogWorkerFailed(e, webhookId);
        }
        finally
        {
            if (!idle)
            {
                state.Stop();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Searching the webhook outbox failed")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering webhook {WebhookId} failed")]
    private partial void LogWorkerFailed(Exception exception, string webhookId);
}
