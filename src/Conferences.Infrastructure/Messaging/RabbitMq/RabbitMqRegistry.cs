namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Live subscriptions' queues and consumers: names stay exclusive, and recovery re-declares only these.
internal sealed class RabbitMqRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> consumers = new(StringComparer.Ordinal);
    private readonly HashSet<RabbitMqSubscription> subscriptions = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return subscriptions.Count;
            }
        }
    }

    // Throws InvalidOperationException when an exclusive subscription holds the name, or kinds differ.
    public void Reserve(string name, bool shared)
    {
        lock (gate)
        {
            if (queues.TryGetValue(name, out var entry))
            {
                if (!shared || !entry.Shared)
                {
                    throw new InvalidOperationException($"queue {name} is in use by an exclusive subscription or declared exclusive");
                }
                entry.Holders++;
                return;
            }
            queues.Add(name, new Entry(shared) { Holders = 1 });
        }
    }

    public void Release(string name)
    {
        lock (gate)
        {
            if (queues.TryGetValue(name, out var entry) && --entry.Holders <= 0)
            {
                queues.Remove(name);
            }
        }
    }

    public void Add(RabbitMqSubscription subscription)
    {
        lock (gate)
        {
            subscriptions.Add(subscription);
            consumers.Add(subscription.ConsumerTag);
        }
    }

    // None of its topology is recovered from now on.
    public void Remove(RabbitMqSubscription subscription)
    {
        lock (gate)
        {
            if (subscriptions.Remove(subscription))
            {
                consumers.Remove(subscription.ConsumerTag);
            }
        }
        Release(subscription.QueueName);
    }

    public RabbitMqSubscription[] Snapshot()
    {
        lock (gate)
        {
            return [.. subscriptions];
        }
    }

    public bool IsLiveQueue(string name)
    {
        lock (gate)
        {
            return queues.ContainsKey(name);
        }
    }

    public bool IsLiveConsumer(string consumerTag)
    {
        lock (gate)
        {
            return consumers.Contains(consumerTag);
        }
    }

    // The broker named a recovered anonymous queue anew (amq.gen-…).
    public void Rename(string before, string after)
    {
        RabbitMqSubscription[] renamed;
        lock (gate)
        {
            if (!queues.Remove(before, out var entry))
            {
                return;
            }
            queues[after] = entry;
            renamed = [.. subscriptions.Where(s => s.QueueName == before)];
        }
        foreach (var subscription in renamed)
        {
            subscription.QueueName = after;
        }
    }

    private sealed class Entry(bool shared)
    {
        public bool Shared { get; } = shared;

        public int Holders { get; set; }
    }
}
