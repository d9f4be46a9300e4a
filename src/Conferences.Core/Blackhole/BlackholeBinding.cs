namespace Conferences.Core.Blackhole;

/// <summary>
/// One subscription of a session: the binding as the client sent it (echoed as <c>subscribed_key</c>) and the AMQP
/// binding key it stands for on the <c>conference</c> exchange (<c>subscription_key</c>; docs/websocket.md).
/// </summary>
public sealed record BlackholeBinding(string ClientBinding, string AmqpBinding);
