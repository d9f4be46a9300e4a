namespace Conferences.Core.Messaging;

/// <summary><see cref="Message"/> is parsed for this delivery alone, never shared with the publisher or other
/// subscribers.</summary>
public sealed record KapiDelivery(string Exchange, string RoutingKey, JsonObject Message);
