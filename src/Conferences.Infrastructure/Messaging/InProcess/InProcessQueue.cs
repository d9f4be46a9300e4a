namespace Conferences.Infrastructure.Messaging.InProcess;

// Each message goes to one consumer, round robin (an exclusive queue has exactly one).
internal sealed class InProcessQueue(string name, KapiExchange exchange, bool shared)
{
    private readonly Lock gate = new();
    private readonly List<InProcessConsumer> consumers = [];
    private int next;

    public string Name => name;

    public KapiExchange Exchange => exchange;

    public bool IsShared => shared;

    public void Add(InProcessConsumer consumer)
    {
        lock (gate)
        {
            consumers.Add(consumer);
        }
    }

    public bool Remove(InProcessConsumer consumer)
    {
        lock (gate)
        {
            consumers.Remove(consumer);
            next = consumers.Count == 0 ? 0 : next % consumers.Count;
            return consumers.Count == 0;
        }
    }

    // Waits while the consumer's inbox is full; dropped when no consumer is left.
    public async ValueTask EnqueueAsync(InProcessEnvelope envelope, CancellationToken ct)
    {
        while (Next() is { } consumer)
        {
            if (await consumer.TryEnqueueAsync(envelope, ct).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Never waits: it runs while the leaving subscription is disposed, possibly by one of these consumers.
    public bool TryRedeliver(InProcessEnvelope envelope)
    {
        InProcessConsumer[] remaining;
        lock (gate)
        {
            remaining = [.. consumers];
        }
        return remaining.Any(consumer => consumer.TryEnqueue(envelope));
    }

    private InProcessConsumer? Next()
    {
        lock (gate)
        {
            if (consumers.Count == 0)
            {
                return null;
            }
            var consumer = consumers[next];
            next = (next + 1) % consumers.Count;
            return consumer;
        }
    }
}
