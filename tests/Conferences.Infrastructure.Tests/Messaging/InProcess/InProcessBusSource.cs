namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>The embedded bus for one test: a fresh bus, every client a view of it.</summary>
public sealed class InProcessBusSource : IBusSource
{
    public InProcessBus Bus { get; } = NewBus();

    public Task<BusClient> ConnectAsync() => Task.FromResult(new BusClient(Bus, Bus, Bus));

    public async Task<BusClient> ConnectUnavailableAsync()
    {
        var closed = NewBus();
        await closed.DisposeAsync();
        return new BusClient(closed, closed, closed);
    }

    public ValueTask DisposeAsync() => Bus.DisposeAsync();

    public static InProcessBus NewBus(int capacity = 10_000) =>
        new(Options.Create(new InProcessBusOptions { QueueCapacity = capacity }), NullLogger<InProcessBus>.Instance);
}
