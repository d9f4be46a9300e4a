using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Its own channel and manual acks (docs/amqp.md, "Reliability"); ending it waits for the running handler, and the
// channel's close returns unhandled messages to the broker.
internal sealed partial class RabbitMqSubscription : IKapiSubscription
{
    // The subscription whose handler runs in this async flow: a handler may end its own subscription.
    private static readonly AsyncLocal<RabbitMqSubscription?> Handling = new();

    private readonly RabbitMqRegistry registry;
    private readonly IChannel channel;
    private readonly KapiMessageHandler handler;
    private readonly bool exclusive;
    private readonly TimeSpan operationTimeout;
    private readonly ILogger logger;
    private readonly SemaphoreSlim handling = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task? teardown;
    private bool endedByOwnHandler;
    private RabbitMqBatchInbox? batches;

    public RabbitMqSubscription(
        RabbitMqRegistry registry, IChannel channel, string queueName, bool exclusive, KapiMessageHandler handler, TimeSpan operationTimeout, ILogger logger)
    {
        this.registry = registry;
        this.channel = channel;
        this.handler = handler;
        this.exclusive = exclusive;
        this.operationTimeout = operationTimeout;
        this.logger = logger;
        QueueName = queueName;
        ConsumerTag = $"conferences-{Conferences.Core.Kazoo.KazooIds.RandomHex(8)}";
    }

    public string QueueName { get; internal set; }

    public string ConsumerTag { get; }

    // Before StartAsync: messages go to a batch handler, acknowledged per batch, instead of to the handler one by one.
    public void HandleInBatches(KapiBatchHandler batchHandler, int max) =>
        batches = new RabbitMqBatchInbox(batchHandler, max, handling, tag => AckAsync(tag, multiple: true), QueueName, logger, stopping.Token);

    public async Task StartAsync(CancellationToken ct)
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnReceivedAsync;
        await channel.BasicConsumeAsync(QueueName, autoAck: false, ConsumerTag, consumer, ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (!stopping.IsCancellationRequested)
            {
                stopping.Cancel();
                registry.Remove(this);
            }
            if (Handling.Value == this)
            {
                // Called from our own handler: the consumer is torn down once that handler has returned.
                endedByOwnHandler = true;
                return ValueTask.CompletedTask;
            }
            teardown ??= Task.Run(TeardownAsync);
            return new ValueTask(teardown);
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        if (stopping.IsCancellationRequested)
        {
            return; // not acknowledged: back to the queue when the channel closes
        }
        if (batches is not null)
        {
            batches.Add(RabbitMqTraceHeaders.RouteOf(delivery), delivery.DeliveryTag, delivery.Body);
            return;
        }
        await handling.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            Handling.Value = this;
            if (await KapiDeliveryRunner.RunAsync(handler, RabbitMqTraceHeaders.RouteOf(delivery), delivery.Body, QueueName, logger, stopping.Token).ConfigureAwait(false))
            {
                await AckAsync(delivery.DeliveryTag).ConfigureAwait(false);
            }
        }
        finally
        {
            Handling.Value = null;
            handling.Release();
        }
        bool tearDown;
        lock (gate)
        {
            tearDown = endedByOwnHandler && teardown is null;
            if (tearDown)
            {
                teardown = Task.Run(TeardownAsync);
            }
        }
    }

    private async Task AckAsync(ulong deliveryTag, bool multiple = false)
    {
        try
        {
            await channel.BasicAckAsync(deliveryTag, multiple, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            // The channel went down with the connection: the broker redelivers (shared) or dropped the queue (exclusive).
            LogAckFailed(QueueName, e.Message);
        }
    }

    private async Task TeardownAsync()
    {
        await handling.WaitAsync(CancellationToken.None).ConfigureAwait(false); // the running handler, if any, has returned
        try
        {
            using var budget = new CancellationTokenSource(operationTimeout);
            if (channel.IsOpen)
            {
                await channel.BasicCancelAsync(ConsumerTag, noWait: false, budget.Token).ConfigureAwait(false);
                if (exclusive)
                {
                    await channel.QueueDeleteAsync(QueueName, ifUnused: false, ifEmpty: false, noWait: false, budget.Token).ConfigureAwait(false);
                }
                await channel.CloseAsync(budget.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || RabbitMqFailures.IsBrokerFailure(e))
        {
            // The broker is away: an exclusive queue goes with the connection, a shared one with its last consumer.
            LogTeardownIncomplete(QueueName, e.Message);
        }
        finally
        {
            DisposeChannel();
            handling.Release();
        }
    }

    private void DisposeChannel()
    {
        try
        {
            channel.Dispose();
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            LogTeardownIncomplete(QueueName, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not acknowledge a message of queue {Queue}: {Reason}")]
    private partial void LogAckFailed(string queue, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ending the consumer of queue {Queue} met a broker failure: {Reason}")]
    private partial void LogTeardownIncomplete(string queue, string reason);
}
