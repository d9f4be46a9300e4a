namespace Conferences.Core.Messaging;

/// <summary>
/// The queue a subscription consumes from, bound to one exchange with one or more binding keys (patterns on a
/// topic exchange). A message reaches a queue once even when several of its bindings match.
/// <list type="bullet">
/// <item><b>Exclusive</b>: a queue of its own per subscription (anonymous unless named), deleted when the
/// subscription ends. Every exclusive subscriber gets every matching message — each media manager's
/// <c>conference.discovery</c> queue, a websocket session's event binding, a requester's reply queue.</item>
/// <item><b>Shared</b>: a named queue that several subscriptions (in one or several processes) consume together;
/// each message goes to exactly one of them (round robin) — ecallmgr's <c>ecallmgr_fs_conferences_shared</c>
/// queue for dial and <c>conference_controller_{conf}</c> for a conference's commands (docs/amqp.md).
/// Bindings accumulate on the queue; it is deleted with its last subscription (auto-delete).</item>
/// <item><b>Durable</b>: a named shared queue that outlives its subscriptions and the broker's restarts, with one
/// consumer active at a time (the others wait to take over), so its messages are handled in order by one process —
/// the webhook intake's <c>conferences_webhooks.events</c> (docs/webhooks.md). On the embedded bus, whose
/// publishers live in the same process, it is a shared queue.</item>
/// </list>
/// </summary>
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

    /// <summary>The queue name; null for an anonymous exclusive queue (the adapter names it).</summary>
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
