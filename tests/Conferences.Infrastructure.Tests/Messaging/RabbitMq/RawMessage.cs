namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>A message as a plain AMQP consumer received it: where it was published, its properties and its bytes.</summary>
public sealed record RawMessage(string Exchange, string RoutingKey, string? ContentType, long? Timestamp, byte? DeliveryMode, byte[] Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
