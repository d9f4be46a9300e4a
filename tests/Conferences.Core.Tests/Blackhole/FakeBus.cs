using Conferences.Core.Messaging;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>
/// The bus port as a session sees it, without a bus: records each subscription (queue and handler) so a test can
/// deliver messages to it and see it ended. <see cref="Unavailable"/> makes subscribing fail as a bus that is down.
/// Safe to use from several threads (the hub's stress tests subscribe concurrently).
/// </summary>
internal sealed class FakeBus : IKapiSubscriber
{
    private readonly Lock gate = new();
    private readonly List<FakeSubscription> subscriptions = [];

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
}

internal sealed class FakeSubscription(KapiQueue queue, KapiMessageHandler handler) : IKapiSubscription
{
    public KapiQueue Queue { get; } = queue;

    private volatile bool ended;

    public bool Ended => ended;

    public string QueueName => "amq.gen-fake";

    public Task DeliverAsync(string routingKey, System.Text.Json.Nodes.JsonObject message) =>
        Ended ? Task.CompletedTask : handler(new KapiDelivery(Queue.Exchange.Name, routingKey, message), CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        ended = true;
        return ValueTask.CompletedTask;
    }
}
