using System.Text.Json.Nodes;
using Conferences.Core.Messaging;

namespace Conferences.Tests.Messaging;

/// <summary>One subscription of <see cref="ObservedBus"/>: its queue, whether it ended, and deliveries awaited until
/// handled.</summary>
public sealed class ObservedSubscription(KapiQueue queue, IKapiPublisher bus) : IKapiSubscription
{
    private readonly Lock gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> waiters = [];
    private IKapiSubscription? inner;
    private long sent;
    private long handled;
    private bool ended;

    public KapiQueue Queue { get; } = queue;

    public bool Ended
    {
        get
        {
            lock (gate)
            {
                return ended;
            }
        }
    }

    public string QueueName => inner?.QueueName ?? string.Empty;

    /// <summary>Publishes on the queue's exchange (<paramref name="routingKey"/> must match a binding) and returns once this
    /// handler took one more message, or the subscription ended: a completion signal, never a sleep.</summary>
    public async Task DeliverAsync(string routingKey, JsonObject message)
    {
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (ended)
            {
                return;
            }
            waiters.Add((++sent, done));
        }
        await bus.PublishAsync(Queue.Exchange, routingKey, message, CancellationToken.None);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            ended = true;
            ReleaseWhere(_ => true);
        }
        if (inner is not null)
        {
            await inner.DisposeAsync();
        }
    }

    internal void Attach(IKapiSubscription subscription) => inner = subscription;

    internal KapiMessageHandler Wrap(KapiMessageHandler handler) => async (delivery, ct) =>
    {
        try
        {
            await handler(delivery, ct);
        }
        finally
        {
            lock (gate)
            {
                handled++;
                ReleaseWhere(w => w.Target <= handled);
            }
        }
    };

    private void ReleaseWhere(Func<(long Target, TaskCompletionSource Done), bool> released)
    {
        foreach (var waiter in waiters.Where(released).ToList())
        {
            waiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }
}
