namespace Conferences.Infrastructure.Messaging.InProcess;

// One exchange's bindings indexed as RabbitMQ routes (docs/amqp.md, "Queues"); not thread-safe: the bus guards it.
internal sealed class InProcessExchangeRoutes(KapiExchangeType type)
{
    private readonly HashSet<InProcessQueue> fanout = [];
    private readonly Dictionary<string, HashSet<InProcessQueue>> exact = new(StringComparer.Ordinal);
    private readonly TopicTrie<InProcessQueue> patterns = new();

    public bool IsEmpty => fanout.Count == 0 && exact.Count == 0 && patterns.Count == 0;

    // A fanout exchange reaches the queue from now on, bound or not.
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

    // A set, so each queue once.
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
