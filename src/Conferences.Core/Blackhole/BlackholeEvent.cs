namespace Conferences.Core.Blackhole;

/// <summary>
/// One bus delivery on an AMQP binding, rendered once by the <see cref="BlackholeEventHub"/> for every session that
/// holds the binding: each session still writes its own frames around <see cref="Data"/> (its own
/// <c>subscribed_key</c>; <see cref="BlackholeEventFrame.Render(string, string, string?, string, ReadOnlySpan{byte})"/>).
/// </summary>
/// <param name="AmqpBinding">the binding key the delivery matched (the frames' <c>subscription_key</c>).</param>
/// <param name="Name">the message's <c>Event-Name</c>.</param>
/// <param name="RoutingKey">the routing key the message was published with.</param>
/// <param name="Data">the frames' <c>data</c> object (<see cref="BlackholeEventFrame.RenderData"/>); never modified.</param>
public sealed record BlackholeEvent(string AmqpBinding, string? Name, string RoutingKey, ReadOnlyMemory<byte> Data);
