namespace Conferences.Tests.Amqp;

/// <summary>A message as a plain AMQP consumer received it: where it was published, its properties and its JSON body.</summary>
public sealed record RawMessage(string Exchange, string RoutingKey, string? ContentType, long? Timestamp, byte? DeliveryMode, byte[] Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Str(string key) => Json[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
