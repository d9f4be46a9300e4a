namespace Conferences.Core.Messaging;

/// <summary>
/// A request published to <c>conference</c> with <paramref name="RoutingKey"/> (e.g. <c>conference.discovery</c>,
/// <c>conference.command.{zone}</c>). <paramref name="Message"/> is a built kapi message; the requester adds
/// <c>Server-ID</c> (and <c>Msg-ID</c> when it has none) to its own copy.
/// </summary>
public sealed record KapiRequest(string RoutingKey, JsonObject Message);
