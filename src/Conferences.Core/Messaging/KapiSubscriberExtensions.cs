namespace Conferences.Core.Messaging;

/// <summary>Shorthands for the usual subscriptions.</summary>
public static class KapiSubscriberExtensions
{
    /// <summary>
    /// Events or commands on <c>conference</c> by binding pattern, e.g. <c>conference.event.*.{acct}.{conf}.*</c>
    /// (what a websocket binding subscribes with, docs/websocket.md), on a queue of this subscription's own.
    /// </summary>
    public static Task<IKapiSubscription> SubscribeAsync(
        this IKapiSubscriber subscriber, string bindingPattern, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return subscriber.SubscribeAsync(KapiQueue.Exclusive(bindingPattern), handler, cancellationToken);
    }
}
