namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>RabbitMQ for one test: every client its own connection to the shared broker, as separate processes would be.</summary>
public sealed class RabbitMqBusSource(RabbitMqBrokerFixture broker) : IBusSource
{
    private readonly List<IAsyncDisposable> buses = [];

    public Task<BusClient> ConnectAsync() => Task.FromResult(Client(broker.NewBus()));

    public Task<BusClient> ConnectUnavailableAsync() => Task.FromResult(Client(RabbitMqBrokerFixture.Unreachable()));

    public async ValueTask DisposeAsync()
    {
        for (var i = buses.Count - 1; i >= 0; i--)
        {
            await buses[i].DisposeAsync();
        }
    }

    private BusClient Client(RabbitMqBus bus)
    {
        buses.Add(bus);
        return new BusClient(bus, bus, bus);
    }
}
