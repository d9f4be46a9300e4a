namespace Conferences.Core.Realtime;

/// <summary>Keeps the live state current from <c>conference.event.#</c> (D7; docs/architecture.md, "Live conference
/// state").</summary>
public sealed partial class LiveConferenceFeed(
    LiveConferenceState state,
    LiveSyncScheduler scheduler,
    IKapiSubscriber subscriber,
    IMessageBusHealth bus,
    IMediaManagerDirectory directory,
    TimeProvider clock,
    ILogger<LiveConferenceFeed> logger) : IBusListener
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IKapiSubscription? subscription;
    private bool hooked;

    public static string Activity => "follow the conference events";

    public bool IsRunning => Volatile.Read(ref subscription) is not null;

    /// <summary>Idempotent; starts a resync generation.</summary>
    /// <exception cref="BusUnavailableException">the bus is down; call again later.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (subscription is not null)
            {
                return;
            }
            if (!hooked)
            {
                ConferencesMetrics.ObserveLiveState(state);
                bus.Reconnected += OnReconnected;
                directory.Joined += OnManagerJoined;
                hooked = true;
            }
            subscription = await subscriber.SubscribeAsync(KapiQueue.Exclusive(KapiRoutingKeys.AllEvents), HandleAsync, cancellationToken)
                .ConfigureAwait(false);
            LogSubscribed(subscription.QueueName);
        }
        finally
        {
            gate.Release();
        }
        scheduler.Invalidate("conference events subscribed");
    }

    public Task HandleAsync(KapiDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!LiveEvent.TryRead(delivery.Message, delivery.RoutingKey, Gregorian.Now(clock), out var e))
        {
            return Task.CompletedTask;
        }
        ConferencesMetrics.EventsIngested.Add(1, new KeyValuePair<string, object?>("conference.event", e!.Event));
        switch (state.Apply(e))
        {
            case LiveApplyOutcome.Inconsistent:
                LogInconsistent(e!.Event, e.AccountId, e.ConferenceId);
                scheduler.RequestConference(e.AccountId, e.ConferenceId);
                break;
            case LiveApplyOutcome.Incomplete:
                // a join's record is completed by one search (coalesced over a burst of joins)
                scheduler.RequestConference(e!.AccountId, e.ConferenceId);
                break;
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (hooked)
            {
                ConferencesMetrics.ForgetLiveState(state);
                bus.Reconnected -= OnReconnected;
                directory.Joined -= OnManagerJoined;
                hooked = false;
            }
            if (Interlocked.Exchange(ref subscription, null) is { } running)
            {
                await running.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
        await scheduler.DisposeAsync().ConfigureAwait(false);
    }

    private void OnReconnected(object? sender, EventArgs e) => scheduler.Invalidate("message bus reconnected");

    private void OnManagerJoined(object? sender, MediaManager manager) => scheduler.Invalidate($"media manager {manager.Node} joined");

    [LoggerMessage(Level = LogLevel.Information, Message = "Live conference state follows the conference events on queue {Queue}")]
    private partial void LogSubscribed(string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {Event} of {AccountId}/{ConferenceId} does not fit the live state; resynchronising the conference")]
    private partial void LogInconsistent(string @event, string accountId, string conferenceId);
}
