namespace Conferences.Core.Webhooks;

/// <summary>
/// Sends one webhook's pending deliveries while this instance holds its lease: one at a time in ticket order, from
/// what the intake handed over or else from the outbox. Removals and attempts go to <see cref="WebhookLedger"/>,
/// whose writes it awaits only before it reads the outbox, disables the webhook or stops. Waits a little for more
/// before it lets the lease go.
/// </summary>
public sealed partial class WebhookWorker(
    WebhookOutbox outbox,
    WebhookLedger ledger,
    WebhookLeases leases,
    WebhookStore store,
    WebhookDeliverer deliverer,
    WebhookDisabler disabler,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookWorker> logger)
{
    private const int Batch = 100;

    // more unwritten results than this and the worker waits for the ledger (a store that fell behind slows the senders)
    private const int MaxUnwritten = 1000;

    // the webhook is read again at least this often: an edit or a delete takes effect then
    private static readonly TimeSpan WebhookLifetime = TimeSpan.FromMilliseconds(250);

    /// <returns>true when everything known was sent and the worker was idle; false when it stopped early.</returns>
    internal async Task<bool> DeliverPendingAsync(string webhookId, WebhookWorkerState state, CancellationToken stopping)
    {
        state.Rescan();
        var writes = new Unwritten();
        var lease = options.Value.LeaseDuration / 3;
        var renewAt = clock.GetUtcNow() + lease;
        var linger = options.Value.PollInterval < lease ? options.Value.PollInterval : lease;
        (Webhook? Hook, DateTimeOffset Read)? webhook = null;
        var failures = ledger.Failures;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (ledger.Failures != failures)
                {
                    failures = ledger.Failures;
                    state.Rescan(); // removals may have been lost: what is still in the outbox is sent again
                }
                var (scan, pending) = state.Take(Batch);
                if (scan)
                {
                    await writes.WaitAsync().ConfigureAwait(false); // sent ones must be gone before the outbox is read
                    pending = await outbox.NextAsync(webhookId, Batch, stopping).ConfigureAwait(false);
                    state.Scanned(pending, pending.Count == Batch);
                    webhook = null;
                }
                if (pending.Count == 0)
                {
                    if (!await state.WaitAsync(linger, stopping).ConfigureAwait(false))
                    {
                        return true;
                    }
                    continue;
                }
                if (webhook is not { } known || clock.GetUtcNow() - known.Read >= WebhookLifetime)
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
                    if (!await DeliverAsync(webhookId, webhook.Value.Hook, delivery, writes, stopping).ConfigureAwait(false))
                    {
                        return false;
                    }
                    if (writes.Count >= MaxUnwritten)
                    {
                        await writes.WaitAsync().ConfigureAwait(false);
                    }
                }
            }
            return false;
        }
        finally
        {
            await writes.WaitAsync().ConfigureAwait(false); // written down before the lease goes
        }
    }

    /// <returns>whether the webhook's next delivery may follow.</returns>
    private async Task<bool> DeliverAsync(string webhookId, Webhook? webhook, PendingDelivery pending, Unwritten writes, CancellationToken ct)
    {
        if (webhook is null)
        {
            writes.Note(ledger.Add(webhookId, pending, [])); // the webhook is gone
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
            writes.Note(ledger.Add(webhookId, pending, log));
            return true;
        }
        writes.Note(ledger.Add(webhookId, null, log));
        await writes.WaitAsync().ConfigureAwait(false); // the attempts are in the log before the webhook shows disabled
        var reason = $"{result.Attempt} failed attempts to deliver event {pending.Delivery.EventId}; last: {result.Error}";
        await disabler.DisableAsync(webhook.AccountId, webhook.Id, reason, ct).ConfigureAwait(false);
        LogDisabled(webhook.Id, reason);
        return false;
    }

    // the ledger writes in order, so its newest task ending means every earlier one ended too
    private sealed class Unwritten
    {
        private Task last = Task.CompletedTask;

        public int Count { get; private set; }

        public void Note(Task written)
        {
            last = written;
            Count++;
        }

        public async Task WaitAsync()
        {
            var waited = last;
            await waited.ConfigureAwait(false);
            Count = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: {Reason}")]
    private partial void LogDisabled(string webhookId, string reason);
}
