namespace Conferences.Core.Blackhole;

/// <summary>One bus queue per distinct AMQP binding, like <c>blackhole_listener</c>, and one per conference for all
/// its event bindings, whose events it numbers and holds for <c>since</c> (docs/websocket.md, ADR 0008, ADR 0016).</summary>
public sealed partial class BlackholeEventHub(
    IKapiSubscriber subscriber, ILogger<BlackholeEventHub> logger, BlackholeReplayOptions? replay = null, TimeProvider? clock = null)
    : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, BlackholeHubBinding> entries = new(StringComparer.Ordinal);
    private readonly BlackholeReplayOptions options = replay ?? new();
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly BlackholeHubDispatch dispatch = new(logger);
    private bool disposed;

    /// <summary>The bus queues held for sessions (or being joined, or a conference's kept after its last socket).</summary>
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
        var filter = ConferenceEventFilter.For(amqpBinding);
        var key = filter?.StreamKey ?? amqpBinding;
        while (true)
        {
            BlackholeHubBinding entry;
            lock (gate)
            {
                if (disposed)
                {
                    throw new BusUnavailableException("the websocket event hub is shutting down");
                }
                if (!entries.TryGetValue(key, out entry!))
                {
                    entry = filter is null ? new BlackholeHubBinding(key)
                        : new BlackholeHubBinding(key, filter.ConferenceId, new ConferenceEventWindow(options.Events, dispatch.Sequencer.Last));
                    entries.Add(key, entry);
                }
            }
            await entry.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (entry.Retired)
                {
                    continue; // its last member left (or the hub shut down) while this one waited: start over
                }
                var membership = new BlackholeHubMembership(this, entry, receiver, filter);
                entry.Add(membership);
                if (entry.Subscription is null)
                {
                    try
                    {
                        entry.Subscription = await subscriber.SubscribeAsync(KapiQueue.Exclusive(key),
                            (delivery, _) => dispatch.DispatchAsync(entry, delivery), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Where a member of a conference's events resumes from <paramref name="since"/> (or a snapshot); null on a
    /// command binding. Live events after the answer reach the member's receiver.</summary>
    internal BlackholeResume? Resume(IAsyncDisposable membership, BlackholeCursor? since) =>
        membership is BlackholeHubMembership { Filter: not null } member ? dispatch.Sequencer.Resume(member, since) : null;

    /// <summary>For <see cref="IMessageBusHealth.Reconnected"/>: no replay spans events lost while the bus was down.</summary>
    public void OnBusReconnected(object? sender, EventArgs e) => dispatch.Sequencer.MarkGap();

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
            await RetireAsync(entry, e => e.Clear()).ConfigureAwait(false);
        }
    }

    internal ValueTask LeaveAsync(BlackholeHubMembership membership) =>
        new(RetireAsync(membership.Binding, e => e.Remove(membership) && e.Members.Count == 0 && !KeepIdle(e)));

    // Under the entry's turn: a conference's queue and window stay for the idle expiry, for clients that reconnect.
    private bool KeepIdle(BlackholeHubBinding entry)
    {
        if (entry.Window is null || options.IdleExpiry <= TimeSpan.Zero)
        {
            return false;
        }
        entry.StartIdle(time, options.IdleExpiry, ExpireAsync);
        return true;
    }

    // Not when rejoined, nor before the idle time since the latest leave ran out.
    private Task ExpireAsync(BlackholeHubBinding entry) =>
        RetireAsync(entry, e => !e.Retired && e.Members.Count == 0 && !e.WaitsLonger(time, options.IdleExpiry));

    // Takes the entry's turn; when retiring says so, retires the entry and ends its subscription once the turn is free.
    private async Task RetireAsync(BlackholeHubBinding entry, Func<BlackholeHubBinding, bool> retiring)
    {
        IKapiSubscription? ending = null;
        await entry.Turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (retiring(entry))
            {
                Retire(entry);
                ending = entry.TakeSubscription();
            }
        }
        finally
        {
            entry.Turn.Release();
        }
        await QuietDisposal.DisposeAsync(ending, e => LogUnsubscribeFailed(e, ending!.QueueName)).ConfigureAwait(false);
    }

    // Under the entry's turn: out of the table, so the next session on the key makes a fresh entry and subscription.
    private void Retire(BlackholeHubBinding entry)
    {
        entry.Retired = true;
        entry.Expiry?.Dispose();
        lock (gate)
        {
            if (entries.TryGetValue(entry.AmqpBinding, out var current) && current == entry)
            {
                entries.Remove(entry.AmqpBinding);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ending websocket queue {Queue} failed")]
    private partial void LogUnsubscribeFailed(Exception exception, string queue);
}
