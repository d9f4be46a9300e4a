using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Tests.Amqp;

/// <summary>
/// A plain RabbitMQ.Client connection, independent of the bus adapter under test, so what it sees is what went on the
/// wire: it watches the bus as a Kazoo node would, plays ecallmgr or crossbar, and declares as Kazoo does
/// (<c>kz_amqp_util</c>: exchanges non-durable, not auto-deleted; an anonymous queue per listener).
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
        await DeclareKazooExchangeAsync(channel, name, type);
    }

    /// <summary>An anonymous exclusive queue bound to <paramref name="exchange"/> with <paramref name="keys"/> (none: the empty key).</summary>
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
    /// crossbar's reply queue: exclusive, bound to <c>targeted</c> with its own name, which requests carry as
    /// <c>Server-ID</c> (<c>kz_amqp_worker</c>).
    /// </summary>
    public Task<RawInbox> ReplyQueueAsync()
    {
        var name = $"conferences-tests-replies-{Guid.NewGuid():N}";
        return ListenAsync("targeted", ExchangeType.Direct, name, exclusive: true, name);
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
                await PublishAsync("targeted", serverId, reply);
            }
        });

    public Task PublishAsync(string exchange, string routingKey, JsonObject message) =>
        PublishAsync(exchange, routingKey, KazooJson.ToUtf8(message));

    public Task PublishAsync(string exchange, string routingKey, byte[] body, string? contentType = "application/json") =>
        OnPublisherAsync(channel => channel.BasicPublishAsync(exchange, routingKey, mandatory: false, new BasicProperties { ContentType = contentType }, body).AsTask());

    /// <summary>Deletes a queue (a durable one outlives its consumers; tests remove theirs from the shared broker).</summary>
    public Task DeleteQueueAsync(string queue) =>
        OnPublisherAsync(channel => channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false));

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

    private static Task DeclareKazooExchangeAsync(IChannel channel, string name, string type) =>
        channel.ExchangeDeclareAsync(name, type, durable: false, autoDelete: false, arguments: null);

    private async Task OnPublisherAsync(Func<IChannel, Task> action)
    {
        await publishing.WaitAsync();
        try
        {
            await action(publisher);
        }
        finally
        {
            publishing.Release();
        }
    }

    private async Task<string> ConsumeAsync(string exchange, string type, string queue, bool exclusive, string[] keys, Func<RawMessage, Task> onMessage)
    {
        var channel = await connection.CreateChannelAsync();
        await DeclareKazooExchangeAsync(channel, exchange, type);
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
