namespace Conferences.Core.Messaging;

/// <summary>
/// Consumes kapi messages: declares the queue and its bindings (and the exchange) and runs
/// <paramref name="handler"/> for each delivery, never on the publisher's thread. Subscriptions survive a
/// broker reconnection on adapters that have one.
/// </summary>
public interface IKapiSubscriber
{
    /// <exception cref="BusUnavailableException">the bus is down.</exception>
    /// <exception cref="InvalidOperationException">the queue exists with other properties (exclusive vs shared, exchange).</exception>
    Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken);
}
