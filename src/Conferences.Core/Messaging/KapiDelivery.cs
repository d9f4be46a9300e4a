namespace Conferences.Core.Messaging;

/// <summary>
/// One message delivered to a subscription: the exchange and routing key it was published with and a JSON object
/// parsed from the wire bytes for this delivery alone (never shared with the publisher or other subscribers).
/// </summary>
public sealed record KapiDelivery(string Exchange, string RoutingKey, JsonObject Message);
