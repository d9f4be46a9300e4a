namespace Conferences.Core.Messaging;

/// <summary>The requester adds <c>Server-ID</c> (and a <c>Msg-ID</c> when none) to its own copy.</summary>
public sealed record KapiRequest(string RoutingKey, JsonObject Message);
