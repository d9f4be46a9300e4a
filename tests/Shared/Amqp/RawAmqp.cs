using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Tests.Amqp;

/// <summary>
/// A plain RabbitMQ.Client connection that watches the bus as a Kazoo node would, or plays crossbar against the
/// simulator worker: it publishes JSON as Kazoo does and listens with anonymous exclusive queues, declaring exchanges
/// as Kazoo does (<c>kz_amqp_util</c>: non-durable, not auto-deleted). Independent of the bus adapter under test, so
/// what it sees is what went on the wire. Shared (linked) by the API and media-server test projects.
/// </summary>
public sealed class RawAmqp : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel publisher;
    private readonly SemaphoreSlim publishing = new(1, 1);

    private RawAmqp(IConnection connection, IChannel publisher)
    {
        this.connection = connection;
        this.publisher = publisher;
    }

    public static async Task<RawAmqp> ConnectAsync(string url)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url), AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync("conferences-tests-raw");
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawAmqp(connection, publisher);
    }

    /// <summary>An anonymous exclusive queue bound to <paramref name="exchange"/> with <paramref name="keys"/> (none: the empty key).</summary>
    public async Task<RawInbox> ListenAsync(string exchange, string type, params string[] keys)
    {
        var (channel, queue) = await DeclareAsync(exchange, type);
        foreach (var key in keys.Length == 0 ? [string.Empty] : keys)
        {
            await channel.QueueBindAsync(queue, exchange, key);
        }
        return await ConsumeAsync(channel, queue);
    }

    /// <summary>
    /// crossbar's reply queue: anonymous, bound to <c>targeted</c> with its own name, which requests carry as
    /// <c>Server-ID</c> (<c>kz_amqp_worker</c>).
    /// </summary>
    public async Task<RawInbox> ReplyQueueAsync()
    {
        var (channel, queue) = await DeclareAsync("targeted", ExchangeType.Direct);
        await channel.QueueBindAsync(queue, "targeted", queue);
        return await ConsumeAsync(channel, queue);
    }

    public async Task PublishAsync(string exchange, string routingKey, JsonObject message)
    {
        await publishing.WaitAsync();
        try
        {
            var properties = new BasicProperties { ContentType = "application/json" };
            await publisher.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()));
        }
        finally
        {
            publishing.Release();
        }
    }

    /// <summary>Deletes a queue (a durable one outlives its consumers; tests remove theirs from the shared broker).</summary>
    public async Task DeleteQueueAsync(string queue)
    {
        await publishing.WaitAsync();
        try
        {
            await publisher.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }
        finally
        {
            publishing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.CloseAsync();
        connection.Dispose();
        publishing.Dispose();
    }

    private async Task<(IChannel Channel, string Queue)> DeclareAsync(string exchange, string type)
    {
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, type, durable: false, autoDelete: false, arguments: null);
        var declared = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, arguments: null);
        return (channel, declared.QueueName);
    }

    private static async Task<RawInbox> ConsumeAsync(IChannel channel, string queue)
    {
        var inbox = new RawInbox { QueueName = queue };
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            inbox.Add(new RawMessage(delivery.Exchange, delivery.RoutingKey, delivery.BasicProperties.ContentType, delivery.Body.ToArray()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return inbox;
    }
}
