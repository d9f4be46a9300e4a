namespace Conferences.Infrastructure.Messaging.RabbitMq;

// The batch mode of a subscription: the consumer hands each message over and returns at once, so the prefetch window
// fills while the handler runs; one loop passes what waits to the handler and then acknowledges all of it with one
// multiple ack. Nothing is acknowledged before the handler returned; what a stopped subscription held goes back to
// the queue when its channel closes.
internal sealed class RabbitMqBatchInbox(
    KapiBatchHandler handler, int max, SemaphoreSlim handling, Func<ulong, Task> ackThrough, string queue, ILogger logger, CancellationToken stopping)
{
    private readonly Lock gate = new();
    private readonly Queue<(KapiRoute Route, ulong Tag, byte[] Body)> waiting = new();
    private bool draining;

    public void Add(KapiRoute route, ulong deliveryTag, ReadOnlyMemory<byte> body)
    {
        lock (gate)
        {
            waiting.Enqueue((route, deliveryTag, body.ToArray())); // the client reuses the body's memory after the callback
            if (draining)
            {
                return;
            }
            draining = true;
        }
        _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        await handling.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            while (Take() is { } batch)
            {
                if (!await KapiDeliveryRunner.RunBatchAsync(handler, [.. batch.Select(m => (m.Route, (ReadOnlyMemory<byte>)m.Body))], queue, logger, stopping).ConfigureAwait(false))
                {
                    return; // stopped while handling: left unacknowledged
                }
                await ackThrough(batch[^1].Tag).ConfigureAwait(false);
            }
        }
        finally
        {
            handling.Release();
        }
    }

    private List<(KapiRoute Route, ulong Tag, byte[] Body)>? Take()
    {
        lock (gate)
        {
            if (waiting.Count == 0 || stopping.IsCancellationRequested)
            {
                draining = false;
                return null;
            }
            var batch = new List<(KapiRoute Route, ulong Tag, byte[] Body)>(Math.Min(max, waiting.Count));
            while (batch.Count < max && waiting.TryDequeue(out var next))
            {
                batch.Add(next);
            }
            return batch;
        }
    }
}
