namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>A bus of its own on the shared broker for each test, and what the test tracks disposed before it.</summary>
public abstract class RabbitMqBusHarness(RabbitMqBrokerFixture broker) : IAsyncLifetime
{
    protected static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<IAsyncDisposable> cleanup = [];

    protected RabbitMqBrokerFixture Broker { get; } = broker;

    protected RabbitMqBus Bus { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Bus = Broker.NewBus();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        await Bus.DisposeAsync();
    }

    protected void Track(IAsyncDisposable disposable) => cleanup.Add(disposable);
}
