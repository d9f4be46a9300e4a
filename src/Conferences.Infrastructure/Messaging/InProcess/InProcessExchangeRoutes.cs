namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>
/// The bindings of one exchange of the embedded bus, indexed for routing as RabbitMQ routes (docs/amqp.md):
/// a fanout exchange reaches every queue bound to it whatever the key; a direct exchange, the queues bound with the
/// routing key itself (wildcards are ordinary characters there); a topic exchange, the queues bound with the key
/// itself (a dictionary lookup) or with a wildcard pattern that matches it (<see cref="TopicTrie{T}"/>).
/// Not thread-safe: the bus guards it.
/// </summary>
internal sealed class InProcessExchangeRoutes(KapiExchangeType type)
{
    private readonly HashSet<InProcessQueue> fanout = [];
    private readonly Dictionary<string, HashSet<InProcessQueue>> exact = new(StringComparer.Ordinal);
    private readonly TopicTrie<InProcessQueue> patterns = new();

    public bool IsEmpty => fanout.Count == 0 && exact.Count == 0 && patterns.Count == 0;

    /// <summary>A queue joins the exchange: a fanout exchange reaches it from now on, bound or not.</summary>
    public void Attach(InProcessQueue queue)
    {
        if (type == KapiExchangeType.Fanout)
        {
            fanout.Add(queue);
        }
    }

    public void Detach(InProcessQueue queue) => fanout.Remove(queue);

    public void Bind(InProcessQueue queue, string key)
    {
        if (type == KapiExchangeType.Topic && TopicTrie<InProcessQueue>.HasWildcard(key))
        {
            patterns.Add(key, queue);
        }
        else if (exact.TryGetValue(key, out var bound))
        {
            bound.Add(queue);
        }
        else
        {
            exact.Add(key, [queue]);
        }
    }

    public void Unbind(InProcessQueue queue, string key)
    {
        if (type == KapiExchangeType.Topic && TopicTrie<InProcessQueue>.HasWildcard(key))
        {
            patterns.Remove(key, queue);
        }
        else if (exact.TryGetValue(key, out var bound) && bound.Remove(queue) && bound.Count == 0)
        {
            exact.Remove(key);
        }
    }

    /// <summary>Adds the queues a message with <paramref name="routingKey"/> reaches; a set, so each queue once.</summary>
    public void Route(string routingKey, HashSet<InProcessQueue> into)
    {
        if (type == KapiExchangeType.Fanout)
        {
            foreach (var queue in fanout)
            {
                into.Add(queue);
            }
            return;
        }
        if (exact.TryGetValue(routingKey, out var bound))
        {
            foreach (var queue in bound)
            {
                into.Add(queue);
            }
        }
        if (type == KapiExchangeType.Topic)
        {
            patterns.Match(routingKey, into);
        }
    }
}
