namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>
/// A queue of the embedded bus on one exchange (its bindings are the router's, <see cref="InProcessRouter"/>) and the
/// subscriptions consuming it. Each message goes to one consumer, chosen round robin (an exclusive queue has exactly
/// one).
/// </summary>
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

    /// <returns>whether the queue has no consumer left (and is deleted).</returns>
    public bool Remove(InProcessConsumer consumer)
    {
        lock (gate)
        {
            consumers.Remove(consumer);
            next = consumers.Count == 0 ? 0 : next % consumers.Count;
            return consumers.Count == 0;
        }
    }

    /// <summary>Hands the message to the next consumer, waiting while its inbox is full; dropped when none is left.</summary>
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

    /// <summary>
    /// Gives a message a leaving consumer had not handled to another consumer, without waiting (it runs while the
    /// leaving subscription is being disposed, possibly by one of those consumers). False when nobody took it.
    /// </summary>
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
