using System.Threading.Channels;

namespace Conferences.Infrastructure.Messaging.InProcess;

// A bounded inbox and a loop on the thread pool: one message at a time, in order, never on the publisher's thread.
internal sealed partial class InProcessConsumer : IKapiSubscription
{
    // The consumer whose handler is running in this async flow: a handler may dispose its own subscription.
    private static readonly AsyncLocal<InProcessConsumer?> Handling = new();

    private readonly InProcessBus bus;
    private readonly KapiMessageHandler handler;
    private readonly ILogger logger;
    private readonly Channel<InProcessEnvelope> inbox;
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private int disposed;
    private KapiBatchHandler? batchHandler;
    private int maxBatch;

    public InProcessConsumer(InProcessBus bus, InProcessQueue queue, KapiMessageHandler handler, int capacity, ILogger logger)
    {
        this.bus = bus;
        this.handler = handler;
        this.logger = logger;
        Queue = queue;
        inbox = Channel.CreateBounded<InProcessEnvelope>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
    }

    public InProcessQueue Queue { get; }

    public string QueueName => Queue.Name;

    public void Start() => loop = Task.Run(RunAsync);

    // Before Start: what waits in the inbox goes to a batch handler, up to max messages at a time.
    public void HandleInBatches(KapiBatchHandler handler, int max) => (batchHandler, maxBatch) = (handler, max);

    public async ValueTask<bool> TryEnqueueAsync(InProcessEnvelope envelope, CancellationToken ct)
    {
        try
        {
            await inbox.Writer.WriteAsync(envelope, ct).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    public bool TryEnqueue(InProcessEnvelope envelope) => inbox.Writer.TryWrite(envelope);

    public async ValueTask DisposeAsync()
    {
        var first = Interlocked.Exchange(ref disposed, 1) == 0;
        if (first)
        {
            bus.Detach(this);
            inbox.Writer.TryComplete();
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        if (Handling.Value == this)
        {
            return; // called from our own handler: the loop ends when it returns
        }
        await loop.ConfigureAwait(false);
        if (first)
        {
            stopping.Dispose();
        }
    }

    private async Task RunAsync()
    {
        Handling.Value = this;
        var reader = inbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                while (!stopping.IsCancellationRequested && reader.TryRead(out var envelope))
                {
                    if (batchHandler is not null)
                    {
                        var batch = new List<(KapiRoute, ReadOnlyMemory<byte>)> { (RouteOf(envelope), envelope.Body) };
                        while (batch.Count < maxBatch && reader.TryRead(out var next))
                        {
                            batch.Add((RouteOf(next), next.Body));
                        }
                        await KapiDeliveryRunner.RunBatchAsync(batchHandler, batch, QueueName, logger, stopping.Token).ConfigureAwait(false);
                        continue;
                    }
                    await KapiDeliveryRunner.RunAsync(handler, RouteOf(envelope), envelope.Body, QueueName, logger, stopping.Token).ConfigureAwait(false);
                }
                stopping.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // unsubscribed
        }
        finally
        {
            ReturnUnhandled(reader);
        }
    }

    private static KapiRoute RouteOf(InProcessEnvelope envelope) =>
        new(InProcessBus.ProviderName, envelope.Exchange, envelope.RoutingKey, envelope.TraceParent, envelope.TraceState);

    // What this consumer held when it left goes back to the queue's other consumers (a shared queue), as a
    // broker requeues the unacknowledged messages of a cancelled consumer; an exclusive queue is gone with it.
    private void ReturnUnhandled(ChannelReader<InProcessEnvelope> reader)
    {
        var dropped = 0;
        while (reader.TryRead(out var envelope))
        {
            if (!Queue.TryRedeliver(envelope))
            {
                dropped++;
            }
        }
        if (dropped > 0 && Queue.IsShared)
        {
            LogDropped(dropped, QueueName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} unhandled messages of queue {Queue} dropped: no consumer could take them")]
    private partial void LogDropped(int count, string queue);
}
