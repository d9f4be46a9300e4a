using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>Wire-compatible with <c>kz_amqp_util</c> (docs/amqp.md); while the broker is away every call fails at
/// once.</summary>
public sealed partial class RabbitMqBus : IKapiPublisher, IKapiSubscriber, IKapiBatchSubscriber, IMessageBusHealth, IAsyncDisposable
{
    public const string ProviderName = "rabbitmq";

    private const string JsonContentType = "application/json";

    private readonly RabbitMqOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<RabbitMqBus> logger;
    private readonly RabbitMqRegistry registry = new();
    private readonly RabbitMqConnection connection;
    private readonly RabbitMqPublishChannels publishing;
    private readonly RabbitMqExchanges exchanges = new();

    public RabbitMqBus(IOptions<RabbitMqOptions> options, TimeProvider clock, ILogger<RabbitMqBus> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        connection = new RabbitMqConnection(this.options, registry, logger);
        connection.Recovered += () => Reconnected?.Invoke(this, EventArgs.Empty);
        publishing = new RabbitMqPublishChannels(this.options.PublishChannels);
    }

    public event EventHandler? Reconnected;

    public async Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(routingKey);
        ArgumentNullException.ThrowIfNull(message);
        var body = KazooJson.ToUtf8(message);
        var properties = new BasicProperties
        {
            ContentType = JsonContentType,
            Timestamp = new AmqpTimestamp(clock.GetUtcNow().ToUnixTimeSeconds()),
            DeliveryMode = DeliveryModes.Transient,
            Headers = RabbitMqTraceHeaders.OfCurrentSpan(),
        };
        var open = await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        if (connection.BlockedBecause is { } blocked)
        {
            throw new BusUnavailableException($"RabbitMQ blocks publishing: {blocked}");
        }
        var what = $"publishing {exchange.Name} {routingKey}";
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.OperationTimeout);
        try
        {
            await exchanges.EnsureAsync(open, exchange, budget.Token).ConfigureAwait(false);
            var channel = await publishing.RentAsync(open, budget.Token).ConfigureAwait(false);
            var reusable = false;
            try
            {
                // Kazoo publishes commands non-mandatory: a message no queue is bound for is dropped (kz_amqp_util:basic_publish/4).
                await channel.BasicPublishAsync(exchange.Name, routingKey, mandatory: false, properties, body, budget.Token).ConfigureAwait(false);
                reusable = true;
            }
            catch (RabbitMQ.Client.Exceptions.PublishException)
            {
                reusable = true;
                throw;
            }
            finally
            {
                publishing.Return(channel, reusable);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw RabbitMqFailures.TimedOut(what, options.OperationTimeout);
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            throw RabbitMqFailures.Translate(e, what);
        }
    }

    public Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeAsync(queue, handler, null, options.Prefetch, cancellationToken);
    }

    /// <summary>The prefetch window is at least <paramref name="maxBatch"/>, so a batch can fill while one is handled.</summary>
    public Task<IKapiSubscription> SubscribeBatchAsync(KapiQueue queue, int maxBatch, KapiBatchHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        return SubscribeAsync(queue, static (_, _) => Task.CompletedTask, s => s.HandleInBatches(handler, maxBatch),
            Math.Clamp(Math.Max(options.Prefetch, maxBatch), 1, ushort.MaxValue), cancellationToken);
    }

    private async Task<IKapiSubscription> SubscribeAsync(
        KapiQueue queue, KapiMessageHandler handler, Action<RabbitMqSubscription>? configure, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var open = await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        if (queue.Name is { } name)
        {
            registry.Reserve(name, queue.IsShared);
        }
        var what = $"subscribing to queue {queue.Name ?? "(anonymous)"} on {queue.Exchange.Name}";
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.OperationTimeout);
        IChannel? channel = null;
        RabbitMqSubscription? subscription = null;
        try
        {
            channel = await open.CreateChannelAsync(cancellationToken: budget.Token).ConfigureAwait(false);
            await channel.BasicQosAsync(0, (ushort)prefetch, global: false, budget.Token).ConfigureAwait(false);
            await RabbitMqTopology.DeclareAsync(channel, queue.Exchange, budget.Token).ConfigureAwait(false);
            var queueName = await RabbitMqTopology.DeclareAsync(channel, queue, budget.Token).ConfigureAwait(false);
            if (queue.Name is null)
            {
                registry.Reserve(queueName, shared: false);
            }
            subscription = new RabbitMqSubscription(registry, channel, queueName, !queue.IsShared, handler, options.OperationTimeout, logger);
            configure?.Invoke(subscription);
            registry.Add(subscription);
            await subscription.StartAsync(budget.Token).ConfigureAwait(false);
            exchanges.Add(queue.Exchange);
            return subscription;
        }
        catch (Exception e) when (e is OperationCanceledException || RabbitMqFailures.IsBrokerFailure(e))
        {
            if (subscription is not null)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                registry.Release(queue.Name ?? string.Empty);
                await CloseQuietlyAsync(channel).ConfigureAwait(false);
            }
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw RabbitMqFailures.TimedOut(what, options.OperationTimeout);
            }
            throw e is OperationCanceledException ? e : RabbitMqFailures.Translate(e, what);
        }
    }

    public async Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BusUnavailableException e)
        {
            return new BusHealth(false, ProviderName, e.Message);
        }
        return connection.BlockedBecause is { } blocked
            ? new BusHealth(false, ProviderName, $"RabbitMQ at {connection.Endpoint.Display} blocks publishing: {blocked}")
            : new BusHealth(true, ProviderName, $"connected to RabbitMQ at {connection.Endpoint.Display}, {registry.Count} subscriptions");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in registry.Snapshot())
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
        await publishing.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CloseQuietlyAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
            channel.Dispose();
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            LogChannelCloseFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a channel failed: {Reason}")]
    private partial void LogChannelCloseFailed(string reason);
}
