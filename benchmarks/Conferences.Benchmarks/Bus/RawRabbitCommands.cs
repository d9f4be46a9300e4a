using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// The baseline of command publishing: plain RabbitMQ.Client 7 on a connection of its own — one confirming channel
/// per publisher in flight (confirmation tracking, so a publish completes with its confirm), the same exchange,
/// body bytes and properties as the bus, non-mandatory; one consumer with manual ack and the bus's prefetch (50)
/// on an anonymous queue bound to the same kind of routing key.
/// </summary>
public sealed class RawRabbitCommands : IAsyncDisposable
{
    private static readonly CreateChannelOptions Confirming = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly IConnection connection;
    private readonly string routingKey;
    private readonly ReadOnlyMemory<byte> body;
    private readonly BasicProperties properties;
    private readonly List<IChannel> publishers = [];
    private IChannel? consumer;
    private long consumed;

    public RawRabbitCommands(IConnection connection, string routingKey, byte[] body)
    {
        this.connection = connection;
        this.routingKey = routingKey;
        this.body = body;
        properties = new BasicProperties
        {
            ContentType = "application/json",
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            DeliveryMode = DeliveryModes.Transient,
        };
    }

    public long Consumed => Interlocked.Read(ref consumed);

    public async Task StartAsync(int maxConcurrency, CancellationToken ct)
    {
        consumer = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        await consumer.BasicQosAsync(0, 50, global: false, ct).ConfigureAwait(false);
        var queue = await consumer.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);
        await consumer.QueueBindAsync(queue.QueueName, "conference", routingKey, cancellationToken: ct).ConfigureAwait(false);
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += async (_, delivery) =>
        {
            Interlocked.Increment(ref consumed);
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
        };
        await consumer.BasicConsumeAsync(queue.QueueName, autoAck: false, handler, ct).ConfigureAwait(false);
        for (var i = 0; i < maxConcurrency; i++)
        {
            publishers.Add(await connection.CreateChannelAsync(Confirming, ct).ConfigureAwait(false));
        }
    }

    /// <summary>One confirmed publish on publisher <paramref name="worker"/>'s own channel.</summary>
    public Task PublishAsync(int worker) =>
        publishers[worker].BasicPublishAsync("conference", routingKey, mandatory: false, properties, body).AsTask();

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in publishers.Append(consumer).OfType<IChannel>())
        {
            await channel.CloseAsync().ConfigureAwait(false);
            channel.Dispose();
        }
    }
}
