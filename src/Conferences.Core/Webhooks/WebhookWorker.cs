namespace Conferences.Core.Webhooks;

/// <summary>
/// Sends one webhook's pending deliveries while this instance holds its lease: one at a time in ticket order, from
/// what the intake handed over or else from the outbox, and writes the removals and attempts down per batch
/// (<see cref="WebhookBatch"/>). Waits a little for more before it lets the lease go.
/// </summary>
public sealed partial class WebhookWorker(
    WebhookOutbox outbox,
    WebhookAttempts attempts,
    WebhookAttemptPruner pruner,
    WebhookLeases leases,
    WebhookStore store,
    WebhookDeliverer deliverer,
    WebhookDisabler disabler,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookWorker> logger)
{
    private const int Batch = WebhookBatch.MaxSent;

    /// <returns>true when everything known was sent and the worker was idle; false when it stopped early.</returns>
    internal async Task<bool> DeliverPendingAsync(string webhookId, WebhookWorkerState state, CancellationToken stopping)
    {
        state.Rescan();
        var batch = new WebhookBatch(outbox, attempts, clock);
        var lease = options.Value.LeaseDuration / 3;
        var renewAt = clock.GetUtcNow() + lease;
        var linger = options.Value.PollInterval < lease ? options.Value.PollInterval : lease;
        (Webhook? Hook, DateTimeOffset Read)? webhook = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var (scan, pending) = state.Take(Batch);
                if (scan)
                {
                    await FlushAsync(batch, webhookId, stopping).ConfigureAwait(false); // sent ones must be gone before the outbox is read
                    pending = await outbox.NextAsync(webhookId, Batch, stopping).ConfigureAwait(false);
                    state.Scanned(pending, pending.Count == Batch);
                    webhook = null;
                }
                if (pending.Count == 0)
                {
                    if (!await state.WaitAsync(batch.IsEmpty ? linger : batch.DueIn, stopping).ConfigureAwait(false))
                    {
                        if (batch.IsEmpty)
                        {
                            return true;
                        }
                        await FlushAsync(batch, webhookId, stopping).ConfigureAwait(false);
                    }
                    continue;
                }
                // the webhook is read again per outbox read and at least every batch interval: an edit or a delete takes effect then
                if (webhook is not { } known || clock.GetUtcNow() - known.Read >= WebhookBatch.Interval)
                {
                    var doc = await store.LoadAsync(pending[0].Delivery.AccountId, webhookId, stopping).ConfigureAwait(false);
                    webhook = (doc is null ? null : Webhook.From(doc), clock.GetUtcNow());
                }
                foreach (var delivery in pending)
                {
                    if (clock.GetUtcNow() >= renewAt)
                    {
                        if (!await leases.TryHoldAsync(webhookId, stopping).ConfigureAwait(false))
                        {
                            return false; // another instance took over
                        }
                        renewAt = clock.GetUtcNow() + lease;
                    }
                    if (!await DeliverAsync(webhook.Value.Hook, delivery, batch, stopping).ConfigureAwait(false))
                    {
                        return false;
                    }
                    if (batch.Due)
                    {
                        await FlushAsync(batch, webhookId, stopping).ConfigureAwait(false);
                    }
                }
            }
            return false;
        }
        finally
        {
            await FlushAsync(batch, webhookId, stopping).ConfigureAwait(false);
        }
    }

    /// <returns>whether the webhook's next delivery may follow.</returns>
    private async Task<bool> DeliverAsync(Webhook? webhook, PendingDelivery pending, WebhookBatch batch, CancellationToken ct)
    {
        if (webhook is null)
        {
            batch.Done(pending, []); // the webhook is gone
            return true;
        }
        if (!webhook.Enabled)
        {
            return false; // kept until the webhook is enabled again
        }
        var log = new List<JsonObject>(1);
        var result = await deliverer.DeliverAsync(webhook, pending.Delivery, log, ct).ConfigureAwait(false);
        if (result.Succeeded || result.Unsendable)
        {
            batch.Done(pending, log);
            return true;
        }
        batch.Failed(pending.Delivery, log);
        await FlushAsync(batch, webhook.Id, ct).ConfigureAwait(false);
        var reason = $"{result.Attempt} failed attempts to deliver event {pending.Delivery.EventId}; last: {result.Error}";
        await disabler.DisableAsync(webhook.AccountId, webhook.Id, reason, ct).ConfigureAwait(false);
        LogDisabled(webhook.Id, reason);
        return false;
    }

    // the attempt log is pruned after it grew; a pruning that fails is tried again later and stops nothing
    private async Task FlushAsync(WebhookBatch batch, string webhookId, CancellationToken ct)
    {
        var logged = await batch.FlushAsync().ConfigureAwait(false);
        if (logged == 0 || batch.AccountId is not { } account)
        {
            return;
        }
        try
        {
            await pruner.WrittenAsync(account, webhookId, logged, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DatastoreUnavailableException or DocumentConflictException)
        {
            LogPruneFailed(e, webhookId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: {Reason}")]
    private partial void LogDisabled(string webhookId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the attempt log of webhook {WebhookId} failed")]
    private partial void LogPruneFailed(Exception exception, string webhookId);
}
