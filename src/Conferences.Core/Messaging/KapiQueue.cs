namespace Conferences.Core.Messaging;

/// <summary>Exclusive (every subscriber gets every message), shared (round robin between subscribers) or durable (outlives
/// its subscribers, one active consumer at a time); docs/amqp.md, "Queues".</summary>
public sealed record KapiQueue
{
    private KapiQueue(KapiExchange exchange, IReadOnlyList<string> bindings, string? name, bool shared, bool durable = false)
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
        IsDurable = durable;
    }

    public KapiExchange Exchange { get; }

    public IReadOnlyList<string> Bindings { get; }

    public string? Name { get; }

    public bool IsShared { get; }

    /// <summary>A <see cref="Durable"/> queue (also <see cref="IsShared"/>).</summary>
    public bool IsDurable { get; }

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

    /// <summary>The durable queue <paramref name="name"/>: kept while nobody consumes it, one active consumer at a time.</summary>
    public static KapiQueue Durable(string name, KapiExchange exchange, IReadOnlyList<string> bindings)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(exchange, bindings, name, shared: true, durable: true);
    }
}
