namespace Conferences.Core.Messaging;

/// <summary>Whether the bus is connected (used by <c>/health</c>), and when it came back after a loss.</summary>
public interface IMessageBusHealth
{
    Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The connection was lost and is usable again, with every subscription consuming once more. Messages published
    /// while it was down were lost to this process (an exclusive queue goes with its connection), so state built
    /// from events must be resynchronised (docs/compatibility.md D7). Raised on the adapter's thread; handlers must not block.
    /// An adapter that cannot lose its connection (in-process) never raises it.
    /// </summary>
    event EventHandler? Reconnected;
}
