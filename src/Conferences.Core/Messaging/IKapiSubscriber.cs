namespace Conferences.Core.Messaging;

/// <summary>Runs the handler for each delivery, never on the publisher's thread; subscriptions survive
/// reconnection.</summary>
public interface IKapiSubscriber
{
    /// <exception cref="BusUnavailableException">the bus is down.</exception>
    /// <exception cref="InvalidOperationException">the queue exists with other properties (exclusive vs shared, exchange).</exception>
    Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken);
}
