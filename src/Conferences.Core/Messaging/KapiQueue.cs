namespace Conferences.Core.Messaging;

/// <summary>Exclusive (every subscriber gets every message) or shared (round robin between subscribers; docs/amqp.md,
/// "Queues").</summary>
public sealed record KapiQueue
{
    private KapiQueue(KapiExchange exchange, IReadOnlyList<string> bindings, string? name, bool shared)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(bindings);
        if (exchange.Type != KapiExchangeType.Fanout && bindings.Count == 0)
        {
            throw new ArgumentException("a queue on a direct or topic exchange needs at least one binding", nameof(bindings));
        }
        Exchange = exchange;
        Bindings = bindings;
        Name = name;
        IsShared = shared;
    }

    public KapiExchange Exchange { get; }

    public IReadOnlyList<string> Bindings { get; }

    public string? Name { get; }

    public bool IsShared { get; }

    /// <summary>A queue of this subscription's own; <paramref name="name"/> null lets the bus choose one.</summary>
    public static KapiQueue Exclusive(KapiExchange exchange, IReadOnlyList<string> bindings, string? name = null) =>
        new(exchange, bindings, name, shared: false);

    /// <summary>An exclusive queue on <c>conference</c> bound to one pattern, e.g. <c>conference.event.*.{acct}.{conf}.*</c>.</summary>
    public static KapiQueue Exclusive(string bindingPattern) => Exclusive(KapiExchange.Conference, [bindingPattern]);

    /// <summary>The named queue <paramref name="name"/>, consumed together with every other subscription to it.</summary>
    public static KapiQueue Shared(string name, KapiExchange exchange, IReadOnlyList<string> bindings)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(exchange, bindings, name, shared: true);
    }
}
