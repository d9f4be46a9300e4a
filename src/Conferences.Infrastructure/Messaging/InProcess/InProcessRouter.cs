namespace Conferences.Infrastructure.Messaging.InProcess;

// Bindings indexed per exchange, so a publish costs a lookup and a trie walk; not thread-safe: called under the bus's
// lock.
internal sealed class InProcessRouter
{
    private readonly Dictionary<string, InProcessExchangeRoutes> exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<InProcessQueue, HashSet<string>> bindings = [];

    // reused by every publish (under the bus's lock): a queue reached by several bindings is listed once
    private readonly HashSet<InProcessQueue> reached = [];

    // Bindings accumulate, as on RabbitMQ.
    public void Bind(InProcessQueue queue, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(keys);
        var routes = RoutesOf(queue);
        if (!bindings.TryGetValue(queue, out var bound))
        {
            bindings.Add(queue, bound = new HashSet<string>(StringComparer.Ordinal));
            routes.Attach(queue);
        }
        foreach (var key in keys)
        {
            if (bound.Add(key))
            {
                routes.Bind(queue, key);
            }
        }
    }

    public void Remove(InProcessQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (!bindings.Remove(queue, out var bound) || !exchanges.TryGetValue(queue.Exchange.Name, out var routes))
        {
            return;
        }
        foreach (var key in bound)
        {
            routes.Unbind(queue, key);
        }
        routes.Detach(queue);
        if (routes.IsEmpty)
        {
            exchanges.Remove(queue.Exchange.Name);
        }
    }

    public InProcessQueue[] Route(string exchange, string routingKey)
    {
        if (!exchanges.TryGetValue(exchange, out var routes))
        {
            return [];
        }
        try
        {
            routes.Route(routingKey, reached);
            if (reached.Count == 0)
            {
                return [];
            }
            var targets = new InProcessQueue[reached.Count];
            reached.CopyTo(targets);
            return targets;
        }
        finally
        {
            reached.Clear();
        }
    }

    private InProcessExchangeRoutes RoutesOf(InProcessQueue queue)
    {
        if (!exchanges.TryGetValue(queue.Exchange.Name, out var routes))
        {
            exchanges.Add(queue.Exchange.Name, routes = new InProcessExchangeRoutes(queue.Exchange.Type));
        }
        return routes;
    }
}
