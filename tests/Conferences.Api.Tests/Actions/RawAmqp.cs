using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// A plain RabbitMQ.Client connection that watches the bus as a Kazoo node would, with anonymous exclusive queues
/// and exchanges declared as Kazoo declares them (<c>kz_amqp_util</c>: non-durable, not auto-deleted). Independent
/// of the bus adapter the API uses, so what it sees is what went on the wire.
/// </summary>
public sealed class RawAmqp : IAsyncDisposable
{
    private readonly IConnection connection;

    private RawAmqp(IConnection connection) => this.connection = connection;

    public static async Task<RawAmqp> ConnectAsync(string url)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url), AutomaticRecoveryEnabled = false };
        return new RawAmqp(await factory.CreateConnectionAsync("conferences-action-tests"));
    }

    /// <summary>An anonymous exclusive queue bound to <paramref name="exchange"/> (topic) with <paramref name="keys"/>.</summary>
    public async Task<RawInbox> ListenAsync(string exchange, params string[] keys)
    {
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false, arguments: null);
        var declared = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, arguments: null);
        foreach (var key in keys)
        {
            await channel.QueueBindAsync(declared.QueueName, exchange, key);
        }
        var inbox = new RawInbox { QueueName = declared.QueueName };
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            inbox.Add(new RawMessage(delivery.Exchange, delivery.RoutingKey, delivery.BasicProperties.ContentType, delivery.Body.ToArray()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(declared.QueueName, autoAck: true, consumer);
        return inbox;
    }

    public async ValueTask DisposeAsync()
    {
        await connection.CloseAsync();
        connection.Dispose();
    }
}
