using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// A plain RabbitMQ.Client connection, independent of the bus under test: it looks at what the bus put on the wire
/// and plays Kazoo's side (ecallmgr) with the declarations Kazoo makes (<c>kz_amqp_util</c>: exchanges non-durable
/// and not auto-deleted; an anonymous queue per listener).
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

    public IConnection Connection => connection;

    public static async Task<RawAmqp> ConnectAsync(string url)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url), AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync("conferences-tests-raw");
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawAmqp(connection, publisher);
    }

    /// <summary>Kazoo's declaration of an exchange (<c>kz_amqp_util:new_exchange/3</c> defaults).</summary>
    public async Task DeclareKazooExchangeAsync(string name, string type)
    {
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(name, type, durable: false, autoDelete: false, arguments: null);
    }

    /// <summary>An anonymous exclusive queue bound to <paramref name="exchange"/> with <paramref name="keys"/>.</summary>
    public Task<RawInbox> ListenAsync(string exchange, string type, params string[] keys) =>
        ListenAsync(exchange, type, string.Empty, exclusive: true, keys);

    public async Task<RawInbox> ListenAsync(string exchange, string type, string queue, bool exclusive, params string[] keys)
    {
        var inbox = new RawInbox();
        inbox.QueueName = await ConsumeAsync(exchange, type, queue, exclusive, keys, message =>
        {
            inbox.Add(message);
            return Task.CompletedTask;
        });
        return inbox;
    }

    /// <summary>
    /// Plays a Kazoo listener answering requests: for each request on <paramref name="keys"/>, publishes
    /// <paramref name="replies"/> to <c>targeted</c> with the request's <c>Server-ID</c> as routing key.
    /// </summary>
    public Task<string> AnswerAsync(string exchange, string type, string queue, bool exclusive, string[] keys, Func<JsonObject, IEnumerable<JsonObject>> replies) =>
        ConsumeAsync(exchange, type, queue, exclusive, keys, async message =>
        {
            var request = message.Json;
            var serverId = KazooJson.GetString(request, "Server-ID")!;
            foreach (var reply in replies(request))
            {
                await PublishAsync("targeted", serverId, KazooJson.ToUtf8(reply));
            }
        });

    public async Task PublishAsync(string exchange, string routingKey, byte[] body, string? contentType = "application/json")
    {
        await publishing.WaitAsync();
        try
        {
            var properties = new BasicProperties { ContentType = contentType };
            await publisher.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body);
        }
        finally
        {
            publishing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.CloseAsync();
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            // the broker went away under the test
        }
        connection.Dispose();
        publishing.Dispose();
    }

    private async Task<string> ConsumeAsync(string exchange, string type, string queue, bool exclusive, string[] keys, Func<RawMessage, Task> onMessage)
    {
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, type, durable: false, autoDelete: false, arguments: null);
        var declared = await channel.QueueDeclareAsync(queue, durable: false, exclusive: exclusive, autoDelete: true, arguments: null);
        foreach (var key in keys.Length == 0 ? [string.Empty] : keys)
        {
            await channel.QueueBindAsync(declared.QueueName, exchange, key);
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var properties = delivery.BasicProperties;
            await onMessage(new RawMessage(
                delivery.Exchange,
                delivery.RoutingKey,
                properties.ContentType,
                properties.IsTimestampPresent() ? properties.Timestamp.UnixTime : null,
                properties.IsDeliveryModePresent() ? (byte)properties.DeliveryMode : null,
                delivery.Body.ToArray()));
        };
        await channel.BasicConsumeAsync(declared.QueueName, autoAck: true, consumer);
        return declared.QueueName;
    }
}
