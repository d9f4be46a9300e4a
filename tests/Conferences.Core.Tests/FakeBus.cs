using Conferences.Core.Tests.Realtime;

namespace Conferences.Core.Tests;

/// <summary>
/// The messaging ports as Core sees them, played by the test: it records each subscription (queue and handler) so a
/// test can deliver messages and see it ended, announces reconnections and joining managers, and answers each search
/// with what <see cref="Answer"/> says. It scripts the media-server side rather than routing messages, so the bus
/// contract suite (Conferences.Infrastructure.Tests) does not apply to it; the two real buses run that suite.
/// Safe to use from several threads (the hub's stress tests subscribe concurrently).
/// </summary>
internal sealed class FakeBus : IKapiSubscriber, IMessageBusHealth, IMediaManagerDirectory, IKapiRequester
{
    private readonly Lock gate = new();
    private readonly List<FakeSubscription> subscriptions = [];

    /// <summary>Subscribing fails as on a bus that is down.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Runs before SubscribeAsync returns: a message arriving while the subscribe is still under way.</summary>
    public Func<FakeSubscription, Task>? OnSubscribed { get; set; }

    public IReadOnlyList<FakeSubscription> All
    {
        get
        {
            lock (gate)
            {
                return [.. subscriptions];
            }
        }
    }

    public IEnumerable<FakeSubscription> Live => All.Where(s => !s.Ended);

    /// <summary>The handler of the latest subscription.</summary>
    public KapiMessageHandler? Handler => All.LastOrDefault()?.Handler;

    public int ManagerCount { get; set; } = 1;

    /// <summary>The replies to a search (given its stamped message); default: nobody hosts anything.</summary>
    public Func<JsonObject, IReadOnlyList<JsonObject>> Answer { get; set; } = _ => [];

    public bool TimesOut { get; set; }

    public ConcurrentQueue<JsonObject> Searches { get; } = new();

    public string ServerId => "fake-crossbar";

    public IReadOnlyList<MediaManager> Managers =>
        [.. Enumerable.Range(0, ManagerCount).Select(i => new MediaManager($"ecallmgr@m{i}", "local", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)))];

    public event EventHandler? Reconnected;

    public event EventHandler<MediaManager>? Joined;

    public IEnumerable<JsonObject> AccountSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is null);

    public IEnumerable<JsonObject> ConferenceSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is not null);

    public FakeSubscription For(string binding) => Live.Single(s => s.Queue.Bindings.Contains(binding));

    public async Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new BusUnavailableException("the bus is down");
        }
        var subscription = new FakeSubscription(queue, handler);
        lock (gate)
        {
            subscriptions.Add(subscription);
        }
        if (OnSubscribed is { } hook)
        {
            await hook(subscription);
        }
        return subscription;
    }

    public Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new BusHealth(true, "fake", "fake"));

    public Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken)
    {
        if (until.Replies == 0)
        {
            return Task.FromResult(KapiCollection.Empty);
        }
        var message = request.Message.DeepClone().AsObject();
        message["Msg-ID"] ??= Guid.NewGuid().ToString("N");
        Searches.Enqueue(message);
        return Task.FromResult(new KapiCollection(TimesOut ? [] : Answer(message), TimesOut));
    }

    public Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Reconnect() => Reconnected?.Invoke(this, EventArgs.Empty);

    public void Join(string node) => Joined?.Invoke(this, new MediaManager(node, "local", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)));

    /// <summary>Delivers an event to the latest subscription, on the routing key ecallmgr would publish it with.</summary>
    public Task DeliverAsync(JsonObject message) =>
        Handler!(new KapiDelivery("conference", LiveEventFixtures.RoutingKey(message), message), CancellationToken.None);
}

/// <summary>One subscription of <see cref="FakeBus"/>: delivers until disposed.</summary>
internal sealed class FakeSubscription(KapiQueue queue, KapiMessageHandler handler) : IKapiSubscription
{
    private volatile bool ended;

    public KapiQueue Queue { get; } = queue;

    public KapiMessageHandler Handler { get; } = handler;

    public bool Ended => ended;

    public string QueueName => "amq.gen-fake";

    public Task DeliverAsync(string routingKey, JsonObject message) =>
        Ended ? Task.CompletedTask : Handler(new KapiDelivery(Queue.Exchange.Name, routingKey, message), CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        ended = true;
        return ValueTask.CompletedTask;
    }
}
