namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>The embedded bus with RabbitMQ's routing, so the API and the simulator talk as over RabbitMQ
/// (docs/amqp.md).</summary>
public sealed partial class InProcessBus(IOptions<InProcessBusOptions> options, ILogger<InProcessBus> logger)
    : IKapiPublisher, IKapiSubscriber, IKapiBatchSubscriber, IMessageBusHealth, IAsyncDisposable
{
    public const string ProviderName = "inprocess";

    private readonly Lock gate = new();
    private readonly Dictionary<string, KapiExchangeType> exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InProcessQueue> queues = new(StringComparer.Ordinal);
    private readonly InProcessRouter router = new();
    private readonly List<InProcessConsumer> consumers = [];
    private bool closed;

    public event EventHandler? Reconnected
    {
        add { }
        remove { }
    }

    public async Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(routingKey);
        ArgumentNullException.ThrowIfNull(message);
        var current = System.Diagnostics.Activity.Current;
        var envelope = new InProcessEnvelope(exchange.Name, routingKey, KazooJson.ToUtf8(message), current?.Id, current?.TraceStateString);
        InProcessQueue[] targets;
        lock (gate)
        {
            ThrowIfClosed();
            Declare(exchange);
            targets = router.Route(exchange.Name, routingKey);
        }
        if (targets.Length == 0)
        {
            LogUnroutable(exchange.Name, routingKey);
        }
        foreach (var queue in targets)
        {
            await queue.EnqueueAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeAsync(queue, handler, null, cancellationToken);
    }

    public Task<IKapiSubscription> SubscribeBatchAsync(KapiQueue queue, int maxBatch, KapiBatchHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        return SubscribeAsync(queue, static (_, _) => Task.CompletedTask, c => c.HandleInBatches(handler, maxBatch), cancellationToken);
    }

    private Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, Action<InProcessConsumer>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        cancellationToken.ThrowIfCancellationRequested();
        InProcessConsumer consumer;
        lock (gate)
        {
            ThrowIfClosed();
            Declare(queue.Exchange);
            var target = DeclareQueue(queue);
            router.Bind(target, queue.Bindings);
            consumer = new InProcessConsumer(this, target, handler, options.Value.QueueCapacity, logger);
            configure?.Invoke(consumer);
            target.Add(consumer);
            consumers.Add(consumer);
        }
        consumer.Start();
        return Task.FromResult<IKapiSubscription>(consumer);
    }

    public Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(closed
                ? new BusHealth(false, ProviderName, "the in-process bus is closed")
                : new BusHealth(true, ProviderName, $"in-process bus, {queues.Count} queues"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        InProcessConsumer[] running;
        lock (gate)
        {
            closed = true;
            running = [.. consumers];
        }
        foreach (var consumer in running)
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Off its queue; the queue is deleted with its last consumer.
    internal void Detach(InProcessConsumer consumer)
    {
        lock (gate)
        {
            consumers.Remove(consumer);
            if (consumer.Queue.Remove(consumer)
                && queues.TryGetValue(consumer.QueueName, out var queue) && ReferenceEquals(queue, consumer.Queue))
            {
                queues.Remove(consumer.QueueName);
                router.Remove(queue);
            }
        }
    }

    private void ThrowIfClosed()
    {
        if (closed)
        {
            throw new BusUnavailableException("the in-process message bus is closed");
        }
    }

    private void Declare(KapiExchange exchange)
    {
        if (exchanges.TryGetValue(exchange.Name, out var type) && type != exchange.Type)
        {
            throw new InvalidOperationException($"exchange {exchange.Name} is a {type} exchange, not {exchange.Type}");
        }
        exchanges[exchange.Name] = exchange.Type;
    }

    private InProcessQueue DeclareQueue(KapiQueue spec)
    {
        // RabbitMQ names anonymous queues amq.gen-…; so do we.
        var name = spec.Name ?? $"amq.gen-{KazooIds.RandomHex(11)}";
        if (queues.TryGetValue(name, out var existing))
        {
            if (!spec.IsShared || !existing.IsShared)
            {
                throw new InvalidOperationException($"queue {name} is in use by an exclusive subscription or declared exclusive");
            }
            if (existing.Exchange != spec.Exchange)
            {
                throw new InvalidOperationException($"queue {name} is bound to exchange {existing.Exchange.Name}, not {spec.Exchange.Name}");
            }
            return existing;
        }
        var created = new InProcessQueue(name, spec.Exchange, spec.IsShared);
        queues.Add(name, created);
        return created;
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "No queue bound for {Exchange} {RoutingKey}; message dropped")]
    private partial void LogUnroutable(string exchange, string routingKey);
}
