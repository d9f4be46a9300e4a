namespace Conferences.Core.Messaging;

public static class KapiSubscriberExtensions
{
    /// <summary>An exclusive queue on <c>conference</c> for one binding pattern (what a websocket binding subscribes
    /// with).</summary>
    public static Task<IKapiSubscription> SubscribeAsync(
        this IKapiSubscriber subscriber, string bindingPattern, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return subscriber.SubscribeAsync(KapiQueue.Exclusive(bindingPattern), handler, cancellationToken);
    }
}
