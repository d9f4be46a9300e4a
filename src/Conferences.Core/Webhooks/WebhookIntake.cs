using Conferences.Core.Blackhole;

namespace Conferences.Core.Webhooks;

/// <summary>
/// Takes conference events in for webhooks: consumes <c>conference.event.#</c> on one durable queue that every
/// instance subscribes to (<see cref="WebhookOptions.QueueName"/>; one consumer active at a time, so events are taken in order and by
/// one instance), writes one outbox delivery per matching webhook in one bulk write — the event as the websocket frame's <c>data</c>
/// shows it, the webhook's <c>custom_data</c>, an event id and the conference's sequence — and only then lets the
/// event be acknowledged (docs/webhooks.md, "Delivery guarantees").
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

    /// <summary>
    /// Handles one event. A store that fails is tried again (with back-off) until it answers or the subscription
    /// ends, so no event is acknowledged before its deliveries are written; the event id, ticket and sequence are
    /// chosen once, so a write tried again lands on the same documents.
    /// </summary>
    public async Task HandleAsync(KapiDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        if (KazooJson.GetString(message, KapiHeaders.AccountId) is not { Length: > 0 } accountId
            || KazooJson.GetString(message, KapiKeys.ConferenceId) is not { Length: > 0 } conferenceId
            || KazooJson.GetString(message, KapiKeys.Event) is not { Length: > 0 } eventName)
        {
            return;
        }
        var hooks = await RetryAsync(async () =>
        {
            if (!outboxReady)
            {
                await outbox.EnsureAsync(ct).ConfigureAwait(false);
                outboxReady = true;
            }
            return await directory.MatchingAsync(accountId, conferenceId, eventName, ct).ConfigureAwait(false);
        }, eventName, conferenceId, ct).ConfigureAwait(false);
        if (hooks.Count > 0)
        {
            var sequence = await RetryAsync(() => sequences.NextAsync(accountId, conferenceId, ct), eventName, conferenceId, ct).ConfigureAwait(false);
            var entries = Deliveries(message, hooks, conferenceId, eventName, sequence);
            var written = await RetryAsync(() => outbox.AddAllAsync(entries, ct), eventName, conferenceId, ct).ConfigureAwait(false);
            dispatcher.Hand(written.Where(w => w.Revision is not null).Select(w => new PendingDelivery(w.Delivery, w.Revision!)));
            foreach (var (entry, _) in written.Where(w => w.Revision is null))
            {
                dispatcher.Wake(entry.WebhookId); // written by an earlier try: its worker finds it in the outbox
            }
        }
        if (eventName == KapiConferenceEvents.ConferenceDestroy)
        {
            sequences.Forget(accountId, conferenceId);
        }
    }

    private List<WebhookDelivery> Deliveries(JsonObject message, IReadOnlyList<Webhook> hooks, string conferenceId, string eventName, long sequence)
    {
        var eventId = KazooIds.NewId();
        var ticket = NextTicket();
        var data = JsonNode.Parse(BlackholeEventFrame.RenderData(message)) as JsonObject ?? [];
        var entries = new List<WebhookDelivery>(hooks.Count);
        foreach (var hook in hooks)
        {
            var payload = (JsonObject)data.DeepClone();
            foreach (var (key, value) in hook.CustomData ?? [])
            {
                payload[key] = value?.DeepClone();
            }
            payload["event_id"] = eventId;
            payload["sequence"] = sequence;
            payload["webhook_id"] = hook.Id;
            entries.Add(new WebhookDelivery(hook.Id, hook.AccountId, ticket, eventId, eventName, conferenceId, sequence, payload));
        }
        return entries;
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> step, string eventName, string conferenceId, CancellationToken ct)
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
                LogStoreFailed(e, eventName, conferenceId, delay);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries of {Event} of {ConferenceId} not written; trying again in {Delay}")]
    private partial void LogStoreFailed(Exception exception, string @event, string conferenceId, TimeSpan delay);
}
