using Conferences.Infrastructure.Messaging.RabbitMq;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>A bus and a plain AMQP client playing Kazoo on the shared broker, for the wire tests.</summary>
public abstract class RabbitMqWireHarness(RabbitMqBrokerFixture broker) : IAsyncLifetime
{
    protected static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<IAsyncDisposable> cleanup = [];

    protected RabbitMqBus Bus { get; private set; } = null!;

    protected RawAmqp Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bus = broker.NewBus();
        Raw = await RawAmqp.ConnectAsync(broker.Url);
    }

    public async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        await Bus.DisposeAsync();
        await Raw.DisposeAsync();
    }

    protected void Track(IAsyncDisposable disposable) => cleanup.Add(disposable);

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
