namespace Conferences.Core.Messaging;

/// <summary>Fire-and-forget like Kazoo (unroutable messages dropped); the message is serialised before the first
/// await.</summary>
public interface IKapiPublisher
{
    /// <summary>Completes when the bus accepted the message (docs/amqp.md, "Ports"); handlers never run on the caller's thread.</summary>
    /// <exception cref="BusUnavailableException">the bus is down or refused the message; the API answers 503.</exception>
    Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken);
}
