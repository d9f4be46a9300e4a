using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conferences.Core.Messaging;
using Conferences.Infrastructure.Messaging.InProcess;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conferences.Tests.Messaging;

/// <summary>The real in-process bus, watched so tests need no fake: subscriptions recorded, deliveries awaited, down and
/// reconnected on demand; it passes the bus contract suites (<c>ObservedBusContractSuites</c>).</summary>
public sealed class ObservedBus : IKapiPublisher, IKapiSubscriber, IMessageBusHealth, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ObservedSubscription> subscriptions = [];
    private readonly InProcessBus live;
    private InProcessBus? down;

    public ObservedBus(InProcessBus? bus = null) => live = bus ?? NewBus();

    /// <summary>While set, the bus is a closed in-process bus: publishing and subscribing fail as on a bus that is down.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Runs before SubscribeAsync returns: a message arriving while the subscribe is still under way.</summary>
    public Func<ObservedSubscription, Task>? OnSubscribed { get; set; }

    public IReadOnlyList<ObservedSubscription> All
    {
        get
        {
            lock (gate)
            {
                return [.. subscriptions];
            }
        }
    }

    public IEnumerable<ObservedSubscription> Live => All.Where(s => !s.Ended);

    /// <summary>What the bus accepted, in order, serialised and parsed back as a consumer would read it.</summary>
    public ConcurrentQueue<(KapiExchange Exchange, string RoutingKey, JsonObject Message)> Published { get; } = new();

    public IReadOnlyList<JsonObject> Messages => [.. Published.Select(p => p.Message)];

    public event EventHandler? Reconnected;

    /// <summary>The live subscription whose queue is bound to <paramref name="binding"/>.</summary>
    public ObservedSubscription For(string binding) => Live.Single(s => s.Queue.Bindings.Contains(binding));

    /// <summary>The live subscription of a queue on <paramref name="exchange"/>.</summary>
    public ObservedSubscription On(KapiExchange exchange) => Live.Single(s => s.Queue.Exchange == exchange);

    /// <summary>What a recovered connection raises; the in-process bus has no connection to lose.</summary>
    public void Reconnect() => Reconnected?.Invoke(this, EventArgs.Empty);

    public async Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await (await CurrentAsync()).PublishAsync(exchange, routingKey, message, cancellationToken);
        Published.Enqueue((exchange, routingKey, JsonNode.Parse(message.ToJsonString())!.AsObject()));
    }

    public async Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var bus = await CurrentAsync();
        var observed = new ObservedSubscription(queue, this);
        observed.Attach(await bus.SubscribeAsync(queue, observed.Wrap(handler), cancellationToken));
        lock (gate)
        {
            subscriptions.Add(observed);
        }
        if (OnSubscribed is { } hook)
        {
            await hook(observed);
        }
        return observed;
    }

    public async Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        await (await CurrentAsync()).CheckHealthAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await live.DisposeAsync();
        if (down is not null)
        {
            await down.DisposeAsync();
        }
    }

    public static InProcessBus NewBus() =>
        new(Options.Create(new InProcessBusOptions()), NullLogger<InProcessBus>.Instance);

    private async ValueTask<InProcessBus> CurrentAsync()
    {
        if (!Unavailable)
        {
            return live;
        }
        if (down is null)
        {
            var closed = NewBus();
            await closed.DisposeAsync();
            down = closed;
        }
        return down;
    }
}
