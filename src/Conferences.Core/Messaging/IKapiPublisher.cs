namespace Conferences.Core.Messaging;

/// <summary>
/// Publishes kapi messages, fire-and-forget like Kazoo (non-mandatory: a message no queue is bound for is
/// dropped silently). The message is serialised before the first await, so the caller may reuse it afterwards.
/// </summary>
public interface IKapiPublisher
{
    /// <summary>
    /// Completes when the bus has accepted the message (RabbitMQ: the publisher confirm arrived; in-process: every
    /// matching queue holds its copy). Handlers are never run on the caller's thread.
    /// </summary>
    /// <exception cref="BusUnavailableException">the bus is down or refused the message; the API answers 503.</exception>
    Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken);
}
