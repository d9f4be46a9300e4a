using Conferences.Core.Blackhole;

namespace Conferences.Core.Webhooks;

/// <summary>
/// Takes conference events in for webhooks: consumes <c>conference.event.#</c> on one durable queue that every
/// instance subscribes to (<see cref="WebhookOptions.QueueName"/>; one consumer active at a time, so events are taken in order and by
/// one instance), writes one outbox delivery per matching webhook — the event as the websocket frame's <c>data</c>
/// shows it, the webhook's <c>custom_data</c>, an event id and the conference's sequence — for a whole batch of
/// events in one bulk write, and only then lets the batch be acknowledged (docs/webhooks.md, "Delivery guarantees").
/// </summary>
public sealed partial class WebhookIntake(
    WebhookDirectory directory,
    ConferenceSequences sequences,
    WebhookOutbox outbox,
    WebhookDispatcher dispatcher,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookIntake> logger)
{
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(5);

    private long lastTicket;
    private bool outboxReady;

    public KapiQueue Queue => KapiQueue.Durable(options.Value.QueueName, KapiExchange.Conference, [KapiRoutingKeys.AllEvents]);

    /// <summary>How many waiting events one bulk write takes at most.</summary>
    public int BatchSize => options.Value.IntakeBatchSize;

    /// <summary>
    /// Handles events in the order given. A store that fails is tried again (with back-off) until it answers or the
    /// subscription ends, so no event is acknowledged before its deliveries are written; event ids, tickets and
    /// sequences are chosen once, so a write tried again lands on the same documents.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<KapiDelivery> deliveries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var entries = new List<WebhookDelivery>();
        foreach (var delivery in deliveries)
        {
            var message = delivery.Message;
            if (KazooJson.GetString(message, KapiHeaders.AccountId) is not { Length: > 0 } accountId
                || KazooJson.GetString(message, KapiKeys.ConferenceId) is not { Length: > 0 } conferenceId
                || KazooJson.GetString(message, KapiKeys.Event) is not { Length: > 0 } eventName)
            {
                continue;
            }
            var what = $"{eventName} of {conferenceId}";
            var hooks = await RetryAsync(async () =>
            {
                if (!outboxReady)
                {
                    await outbox.EnsureAsync(ct).ConfigureAwait(false);
                    outboxReady = true;
                }
                return await directory.MatchingAsync(accountId, conferenceId, eventName, ct).ConfigureAwait(false);
            }, what, ct).ConfigureAwait(false);
            if (hooks.Count > 0)
            {
                var sequence = await RetryAsync(() => sequences.NextAsync(accountId, conferenceId, ct), what, ct).ConfigureAwait(false);
                AddDeliveries(entries, message, hooks, conferenceId, eventName, sequence);
            }
            if (eventName == KapiConferenceEvents.ConferenceDestroy)
            {
                sequences.Forget(accountId, conferenceId);
            }
        }
        if (entries.Count > 0)
        {
            var written = await RetryAsync(() => outbox.AddAllAsync(entries, ct), $"{deliveries.Count} events", ct).ConfigureAwait(false);
            dispatcher.Hand(written.Where(w => w.Revision is not null).Select(w => new PendingDelivery(w.Delivery, w.Revision!)));
            foreach (var webhookId in written.Where(w => w.Revision is null).Select(w => w.Delivery.WebhookId).Distinct(StringComparer.Ordinal))
            {
                dispatcher.Wake(webhookId); // written by an earlier try: its worker finds it in the outbox
            }
        }
    }

    private void AddDeliveries(List<WebhookDelivery> entries, JsonObject message, IReadOnlyList<Webhook> hooks, string conferenceId, string eventName, long sequence)
    {
        var eventId = WebhookEventIds.Of(message);
        var ticket = NextTicket();
        var data = BlackholeEventFrame.RenderData(message);
        foreach (var hook in hooks)
        {
            var payload = JsonNode.Parse(data) as JsonObject ?? [];
            foreach (var (key, value) in hook.CustomData ?? [])
            {
                payload[key] = value?.DeepClone();
            }
            payload["event_id"] = eventId;
            payload["sequence"] = sequence;
            payload["webhook_id"] = hook.Id;
            entries.Add(new WebhookDelivery(hook.Id, hook.AccountId, ticket, eventId, eventName, conferenceId, sequence,
                payload.ToJsonString(KazooJson.WireOptions)));
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> step, string what, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (Exception e) when (e is DatastoreUnavailableException or DocumentConflictException)
            {
                LogStoreFailed(e, what, delay);
                await Task.Delay(delay, clock, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    // Unix microseconds, strictly increasing in this instance: a webhook's deliveries sort in the order events came in.
    private string NextTicket()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        var ticket = Math.Max(now, lastTicket + 1);
        lastTicket = ticket;
        return ticket.ToString("D17", CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries of {What} not written; trying again in {Delay}")]
    private partial void LogStoreFailed(Exception exception, string what, TimeSpan delay);
}
