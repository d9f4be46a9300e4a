namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>The watched in-process bus the Core tests run on (tests/Shared/Messaging): a test's view of a port must keep
/// the port's contract.</summary>
public sealed class ObservedBusSource : IBusSource
{
    private readonly ObservedBus bus = new();
    private readonly ObservedBus down = new() { Unavailable = true };

    public Task<BusClient> ConnectAsync() => Task.FromResult(new BusClient(bus, bus, bus));

    public Task<BusClient> ConnectUnavailableAsync() => Task.FromResult(new BusClient(down, down, down));

    public async ValueTask DisposeAsync()
    {
        await bus.DisposeAsync();
        await down.DisposeAsync();
    }
}

public sealed class ObservedRoutingContract() : RoutingContract(new ObservedBusSource());

public sealed class ObservedQueuesContract() : QueuesContract(new ObservedBusSource());

public sealed class ObservedRequestsContract() : RequestsContract(new ObservedBusSource());

public sealed class ObservedCollectContract() : CollectContract(new ObservedBusSource());

public sealed class ObservedMediaManagersContract() : MediaManagersContract(new ObservedBusSource());

public sealed class ObservedAvailabilityContract() : AvailabilityContract(new ObservedBusSource());
