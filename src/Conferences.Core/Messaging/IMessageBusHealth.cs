namespace Conferences.Core.Messaging;

/// <summary>Whether the bus is connected; used by <c>/health</c>.</summary>
public interface IMessageBusHealth
{
    Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
