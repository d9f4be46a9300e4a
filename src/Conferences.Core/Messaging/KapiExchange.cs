namespace Conferences.Core.Messaging;

/// <summary>Declared before first use; redeclaring a name with another type is an error, as on RabbitMQ.</summary>
public sealed record KapiExchange(string Name, KapiExchangeType Type)
{
    /// <summary><c>conference</c> (topic): searches, commands, dial, events (docs/amqp.md).</summary>
    public static readonly KapiExchange Conference = new(KapiRoutingKeys.ConferenceExchange, KapiExchangeType.Topic);

    /// <summary><c>targeted</c> (direct): replies, routed by the requester's <c>Server-ID</c> (docs/amqp.md).</summary>
    public static readonly KapiExchange Targeted = new(KapiRoutingKeys.TargetedExchange, KapiExchangeType.Direct);

    /// <summary><c>nodes</c> (fanout): every Kazoo node's periodic <c>advertise</c> heartbeat (<see cref="KapiNodes"/>).</summary>
    public static readonly KapiExchange Nodes = new(KapiNodes.Exchange, KapiExchangeType.Fanout);
}
