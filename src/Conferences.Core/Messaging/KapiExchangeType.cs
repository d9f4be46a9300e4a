namespace Conferences.Core.Messaging;

/// <summary>How an exchange routes a message to the queues bound to it (AMQP 0-9-1 semantics).</summary>
public enum KapiExchangeType
{
    /// <summary>A queue receives the message when one of its binding keys equals the routing key.</summary>
    Direct,

    /// <summary>
    /// A queue receives the message when one of its binding patterns matches the routing key word by word:
    /// <c>*</c> is exactly one word, <c>#</c> zero or more (<see cref="Kapi.KapiRoutingKeys.TopicMatches"/>).
    /// </summary>
    Topic,

    /// <summary>Every bound queue receives every message; routing keys are ignored.</summary>
    Fanout,
}
