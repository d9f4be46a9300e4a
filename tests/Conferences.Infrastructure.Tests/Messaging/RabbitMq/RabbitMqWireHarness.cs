using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>A bus and a plain AMQP client playing Kazoo on the shared broker, for the wire tests.</summary>
public abstract class RabbitMqWireHarness(RabbitMqBrokerFixture broker) : RabbitMqBusHarness(broker)
{
    protected RawAmqp Raw { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Raw = await RawAmqp.ConnectAsync(Broker.Url);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Raw.DisposeAsync();
    }

    protected static string NewId() => KazooIds.NewId();

    protected async Task PassiveDeclareAsync(string queue)
    {
        await using var channel = await Raw.Connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
    }

    /// <summary>The reply code with which the broker refuses <paramref name="action"/> (on a channel of its own).</summary>
    protected async Task<ushort> RefusalAsync(Func<IChannel, Task> action)
    {
        await using var channel = await Raw.Connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => action(channel));
        return refused.ShutdownReason!.ReplyCode;
    }
}
