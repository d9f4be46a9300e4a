namespace Conferences.Core.Messaging;

/// <summary>A part that follows the bus once started: the host starts it (again while the bus is down) and ends it when
/// the host stops.</summary>
public interface IBusListener : IAsyncDisposable
{
    /// <summary>What it does on the bus, for the host's log ("Cannot … yet").</summary>
    static abstract string Activity { get; }

    /// <summary>Idempotent.</summary>
    /// <exception cref="BusUnavailableException">the bus is down; call again later.</exception>
    Task StartAsync(CancellationToken cancellationToken);
}
