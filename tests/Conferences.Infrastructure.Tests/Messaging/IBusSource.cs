namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>How a bus contract suite gets clients of one adapter; one source per test, disposed with it.</summary>
public interface IBusSource : IAsyncDisposable
{
    /// <summary>A new client of the bus under test; every client of one source reaches the same broker.</summary>
    Task<BusClient> ConnectAsync();

    /// <summary>A client whose bus is down (closed, or the broker unreachable).</summary>
    Task<BusClient> ConnectUnavailableAsync();
}
