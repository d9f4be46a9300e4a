namespace Conferences.Core.Blackhole;

/// <summary>The client's binding (<c>subscribed_key</c>) and its AMQP key (<c>subscription_key</c>;
/// docs/websocket.md).</summary>
public sealed record BlackholeBinding(string ClientBinding, string AmqpBinding);
