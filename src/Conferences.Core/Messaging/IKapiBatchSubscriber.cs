namespace Conferences.Core.Messaging;

/// <summary>
/// Subscribes a <see cref="KapiBatchHandler"/>: it is handed what waits, up to <c>maxBatch</c> messages, one batch at a
/// time, so a handler that makes messages durable pays one write for many (docs/webhooks.md, "Delivery guarantees").
/// </summary>
public interface IKapiBatchSubscriber
{
    /// <exception cref="BusUnavailableException">the bus is down.</exception>
    Task<IKapiSubscription> SubscribeBatchAsync(KapiQueue queue, int maxBatch, KapiBatchHandler handler, CancellationToken cancellationToken);
}
