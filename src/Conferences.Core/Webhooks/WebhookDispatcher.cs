namespace Conferences.Core.Webhooks;

/// <summary>
/// Sends the outbox's deliveries: one worker per webhook that has pending ones, holding that webhook's lease, sending
/// its deliveries one at a time in ticket order, so a slow or dead receiver holds back its own webhook only. A
/// delivery whose retries are spent disables the webhook and stays pending (sent when it is enabled again); a deleted
/// webhook's deliveries are dropped. Woken by the intake; also searches the outbox every
/// <see cref="WebhookOptions.PollInterval"/> (deliveries left by a stopped instance, leases that expired).
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookOutbox outbox,
    WebhookLeases leases,
    WebhookStore store,
    WebhookDeliverer deliverer,
    WebhookDisabler disabler,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    private const int Batch = 50;
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
                    Wake(webhook);
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

    /// <summary>The webhook has new deliveries: its worker (started if none runs) looks again before it stops.</summary>
    public void Wake(string webhookId)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        var state = workers.GetOrAdd(webhookId, _ => new WebhookWorkerState());
        state.Poked = true;
        lock (state)
        {
            if (state.Running.IsCompleted)
            {
                state.Running = Task.Run(() => WorkAsync(webhookId, state));
            }
        }
    }

    private async Task WorkAsync(string webhookId, WebhookWorkerState state)
    {
        try
        {
            if (!await leases.TryHoldAsync(webhookId, stopping).ConfigureAwait(false))
            {
                return;
            }
            try
            {
                await DeliverPendingAsync(webhookId, state).ConfigureAwait(false);
            }
            finally
            {
                await leases.ReleaseAsync(webhookId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping: what is left stays in the outbox
        }
        catch (Exception e)
        {
            LogWorkerFailed(e, webhookId);
        }
    }

    private async Task DeliverPendingAsync(string webhookId, WebhookWorkerState state)
    {
        var renewAt = clock.GetUtcNow() + options.Value.LeaseDuration / 3;
        while (!stopping.IsCancellationRequested)
        {
            state.Poked = false;
            var pending = await outbox.NextAsync(webhookId, Batch, stopping).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                if (state.Poked)
                {
                    continue;
                }
                return;
            }
            // the webhook is read once per batch: an edit or a delete made meanwhile takes effect from the next batch
            var doc = await store.LoadAsync(pending[0].Delivery.AccountId, webhookId, stopping).ConfigureAwait(false);
            var webhook = doc is null ? null : Webhook.From(doc);
            foreach (var (delivery, revision) in pending)
            {
                if (clock.GetUtcNow() >= renewAt)
                {
                    if (!await leases.TryHoldAsync(webhookId, stopping).ConfigureAwait(false))
                    {
                        return; // another instance took over
                    }
                    renewAt = clock.GetUtcNow() + options.Value.LeaseDuration / 3;
                }
                if (!await DeliverAsync(webhook, delivery, revision).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <returns>whether the webhook's next delivery may follow.</returns>
    private async Task<bool> DeliverAsync(Webhook? webhook, WebhookDelivery delivery, string revision)
    {
        if (webhook is null)
        {
            await outbox.RemoveAsync(delivery, revision, stopping).ConfigureAwait(false); // the webhook is gone
            return true;
        }
        if (!webhook.Enabled)
        {
            return false; // kept until the webhook is enabled again
        }
        var result = await deliverer.DeliverAsync(webhook, delivery, stopping).ConfigureAwait(false);
        if (result.Succeeded || result.Unsendable)
        {
            await RemoveSentAsync(delivery, revision).ConfigureAwait(false);
            return true;
        }
        var reason = $"{result.Attempt} failed attempts to deliver event {delivery.EventId}; last: {result.Error}";
        await disabler.DisableAsync(webhook.AccountId, webhook.Id, reason, stopping).ConfigureAwait(false);
        LogDisabled(webhook.Id, reason);
        return false;
    }

    // a delivery made but left in the outbox would be sent again: a store that is briefly busy gets a few more tries
    private async Task RemoveSentAsync(WebhookDelivery delivery, string revision)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.RemoveAsync(delivery, revision, stopping).ConfigureAwait(false);
                return;
            }
            catch (DatastoreUnavailableException) when (attempt < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), clock, stopping).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Searching the webhook outbox failed")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering webhook {WebhookId} failed")]
    private partial void LogWorkerFailed(Exception exception, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: {Reason}")]
    private partial void LogDisabled(string webhookId, string reason);
}
