namespace Conferences.Core.Webhooks;

/// <summary>
/// What one webhook's worker has sent but not yet written down: the outbox removals and the attempt log documents,
/// written together (two bulk writes) when <see cref="Due"/>, before the outbox is read again, and when the worker
/// stops. A delivery sent but not yet removed is sent again after a crash, as at-least-once allows.
/// </summary>
internal sealed class WebhookBatch(WebhookOutbox outbox, WebhookAttempts attempts, TimeProvider clock)
{
    /// <summary>How long sent deliveries may wait to be written down.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How many sent deliveries may wait to be written down.</summary>
    public const int MaxSent = 100;

    private readonly List<PendingDelivery> sent = [];
    private readonly List<JsonObject> log = [];
    private string? accountId;
    private DateTimeOffset since;

    public bool IsEmpty => sent.Count == 0 && log.Count == 0;

    public bool Due => !IsEmpty && (sent.Count >= MaxSent || clock.GetUtcNow() - since >= Interval);

    /// <summary>How long until <see cref="Due"/> (when not empty).</summary>
    public TimeSpan DueIn => IsEmpty ? Interval : TimeSpan.FromTicks(Math.Max(0, (since + Interval - clock.GetUtcNow()).Ticks));

    /// <summary>The delivery is done with (sent, unsendable or dropped): remove it; <paramref name="attemptLog"/> is its log.</summary>
    public void Done(PendingDelivery delivery, IReadOnlyCollection<JsonObject> attemptLog)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Note(delivery.Delivery.AccountId);
        sent.Add(delivery);
        log.AddRange(attemptLog);
    }

    /// <summary>The delivery failed: it stays pending; only its attempts are logged.</summary>
    public void Failed(WebhookDelivery delivery, IReadOnlyCollection<JsonObject> attemptLog)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Note(delivery.AccountId);
        log.AddRange(attemptLog);
    }

    /// <summary>Writes what is waiting; a store that is briefly busy gets a few more tries (a lost removal means a resend).</summary>
    /// <returns>how many attempts were logged.</returns>
    public async Task<int> FlushAsync()
    {
        var logged = log.Count;
        if (IsEmpty)
        {
            return 0;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // not cancelled by stopping: what was sent should be written down before the instance goes
                await attempts.RecordAllAsync(accountId!, log, CancellationToken.None).ConfigureAwait(false);
                log.Clear();
                await outbox.RemoveAllAsync(sent, CancellationToken.None).ConfigureAwait(false);
                sent.Clear();
                return logged;
            }
            catch (DatastoreUnavailableException) when (attempt < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), clock).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The account whose database the attempts go to (null before the first delivery).</summary>
    public string? AccountId => accountId;

    private void Note(string account)
    {
        accountId ??= account;
        if (IsEmpty)
        {
            since = clock.GetUtcNow();
        }
    }
}
