namespace Conferences.Core.Blackhole;

/// <summary>One bus queue per distinct AMQP binding, like <c>blackhole_listener</c> (docs/websocket.md, ADR
/// 0008).</summary>
public sealed partial class BlackholeEventHub(IKapiSubscriber subscriber, ILogger<BlackholeEventHub> logger) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, BlackholeHubBinding> entries = new(StringComparer.Ordinal);
    private bool disposed;

    /// <summary>The AMQP binding keys held by at least one session (or being joined right now).</summary>
    public int BindingCount
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Holds <paramref name="amqpBinding"/> until disposed; a creating join also receives what arrives before
    /// it returns.</summary>
    /// <exception cref="BusUnavailableException">the bus is down, or the hub is shutting down.</exception>
    public async Task<IAsyncDisposable> JoinAsync(string amqpBinding, Action<BlackholeEvent> receiver, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(amqpBinding);
        ArgumentNullException.ThrowIfNull(receiver);
        while (true)
        {
            BlackholeHubBinding entry;
            lock (gate)
            {
                if (disposed)
                {
                    throw new BusUnavailableException("the websocket event hub is shutting down");
                }
                if (!entries.TryGetValue(amqpBinding, out entry!))
                {
                    entry = new BlackholeHubBinding(amqpBinding);
                    entries.Add(amqpBinding, entry);
                }
            }
            await entry.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (entry.Retired)
                {
                    continue; // its last member left (or the hub shut down) while this one waited: start over
                }
                var membership = new BlackholeHubMembership(this, entry, receiver);
                entry.Add(membership);
                if (entry.Subscription is null)
                {
                    try
                    {
                        entry.Subscription = await subscriber.SubscribeAsync(KapiQueue.Exclusive(amqpBinding),
                            (delivery, _) => Dispatch(entry, delivery), cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        entry.Remove(membership);
                        if (entry.Members.Count == 0)
                        {
                            Retire(entry);
                        }
                        throw;
                    }
                }
                return membership;
            }
            finally
            {
                entry.Turn.Release();
            }
        }
    }

    /// <summary>Ends every subscription (the application is stopping); joining afterwards fails as a bus that is down.</summary>
    public async ValueTask DisposeAsync()
    {
        List<BlackholeHubBinding> all;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            all = [.. entries.Values];
            entries.Clear();
        }
        foreach (var entry in all)
        {
            IKapiSubscription? ending;
            await entry.Turn.WaitAsync().ConfigureAwait(false);
            try
            {
                entry.Retired = true;
                entry.Clear();
                ending = entry.TakeSubscription();
            }
            finally
            {
                entry.Turn.Release();
            }
            await EndQuietlyAsync(ending).ConfigureAwait(false);
        }
    }

    internal async ValueTask LeaveAsync(BlackholeHubMembership membership)
    {
        var entry = membership.Binding;
        IKapiSubscription? ending = null;
        await entry.Turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!entry.Remove(membership) || entry.Members.Count > 0)
            {
                return;
            }
            Retire(entry);
            ending = entry.TakeSubscription();
        }
        finally
        {
            entry.Turn.Release();
        }
        await EndQuietlyAsync(ending).ConfigureAwait(false);
    }

    // Under the entry's turn: out of the table, so the next session on the key makes a fresh entry and subscription.
    private void Retire(BlackholeHubBinding entry)
    {
        entry.Retired = true;
        lock (gate)
        {
            if (entries.TryGetValue(entry.AmqpBinding, out var current) && current == entry)
            {
                entries.Remove(entry.AmqpBinding);
            }
        }
    }

    // bh_events:event/3 for every socket on the binding: data rendered once, each session frames it for its bindings.
    private Task Dispatch(BlackholeHubBinding entry, KapiDelivery delivery)
    {
        var members = entry.Members;
        if (members.Count == 0)
        {
            return Task.CompletedTask;
        }
        var evt = new BlackholeEvent(entry.AmqpBinding, BlackholeEventFrame.EventName(delivery.Message), delivery.RoutingKey,
            BlackholeEventFrame.RenderData(delivery.Message));
        foreach (var member in members)
        {
            try
            {
                member.Receiver(evt);
            }
            catch (Exception e) // one failing session must not keep the event from the others
            {
                LogReceiverFailed(e, entry.AmqpBinding);
            }
        }
        return Task.CompletedTask;
    }

    private Task EndQuietlyAsync(IKapiSubscription? subscription) =>
        QuietDisposal.DisposeAsync(subscription, e => LogUnsubscribeFailed(e, subscription!.QueueName));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ending websocket queue {Queue} failed")]
    private partial void LogUnsubscribeFailed(Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "A websocket session failed to take an event on {AmqpBinding}")]
    private partial void LogReceiverFailed(Exception exception, string amqpBinding);
}
