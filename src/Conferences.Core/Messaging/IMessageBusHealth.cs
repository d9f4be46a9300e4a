namespace Conferences.Core.Messaging;

/// <summary>Whether the bus is connected (used by <c>/health</c>), and when it came back after a loss.</summary>
public interface IMessageBusHealth
{
    Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Events published meanwhile were lost, so state built from them must resync (D7); handlers must not
    /// block.</summary>
    event EventHandler? Reconnected;
}
