namespace Conferences.Core.Blackhole;

// One hub membership per distinct AMQP binding (bh_events.erl, bh_conference.erl); no event frame ahead of its
// subscribe reply.
internal sealed partial class BlackholeSubscriptions(
    BlackholeEventHub hub, BlackholeStarts starts, BlackholeSender sender, int maxBindings, ILogger logger)
{
    private readonly Lock gate = new();
    private readonly List<BlackholeBinding> bindings = [];
    private readonly Dictionary<string, BlackholeListener> listeners = new(StringComparer.Ordinal);
    private readonly BlackholeBindingGauge gauge = new();
    private bool disposed;

    public IReadOnlyList<BlackholeBinding> Bindings
    {
        get
        {
            lock (gate)
            {
                return [.. bindings];
            }
        }
    }

    public async Task SubscribeAsync(string requestId, BlackholeSubscriptionRequest request, CancellationToken ct)
    {
        var wanted = request.Parsed.Select(p => p.Binding!).Distinct().ToList();
        List<BlackholeBinding> added;
        List<BlackholeListener> created = [];
        List<(BlackholeBinding, BlackholeListener)> joining = [];
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            added = [.. wanted.Where(b => !bindings.Contains(b))];
            if (bindings.Count + added.Count > maxBindings)
            {
                sender.Send(BlackholeReplies.Error(requestId, BlackholeErrors.TooManySubscriptions(maxBindings)));
                return;
            }
            foreach (var binding in added)
            {
                if (!listeners.TryGetValue(binding.AmqpBinding, out var listener))
                {
                    listener = new BlackholeListener(binding.AmqpBinding);
                    listeners.Add(binding.AmqpBinding, listener);
                    created.Add(listener);
                }
                listener.Hold(binding.ClientBinding);
                joining.Add((binding, listener));
                bindings.Add(binding);
            }
            gauge.Report(bindings.Count);
        }
        Dictionary<string, BlackholeStart>? plan = null;
        string? failure;
        try
        {
            foreach (var listener in created)
            {
                listener.Membership = await hub.JoinAsync(listener.AmqpBinding, e => Deliver(listener, e), ct).ConfigureAwait(false);
            }
            if (request.Resumes)
            {
                plan = await starts.PlanAsync(request, joining, ct).ConfigureAwait(false);
            }
            failure = null;
        }
        catch (BusUnavailableException e)
        {
            LogSubscribeFailed(e, string.Join(", ", created.Select(l => l.AmqpBinding)));
            failure = BlackholeErrors.BusUnavailable;
        }
        catch (DatastoreUnavailableException e)
        {
            LogSnapshotFailed(e);
            failure = BlackholeErrors.SnapshotUnavailable;
        }
        catch (OperationCanceledException)
        {
            await RollBackAsync(added, created).ConfigureAwait(false);
            throw;
        }
        if (failure is not null)
        {
            await RollBackAsync(added, created).ConfigureAwait(false);
            sender.Send(BlackholeReplies.Error(requestId, failure));
            return;
        }
        lock (gate)
        {
            sender.Send(BlackholeReplies.Subscribed(requestId, bindings.Select(b => b.ClientBinding)));
            foreach (var binding in added)
            {
                listeners[binding.AmqpBinding].Activate(binding.ClientBinding, sender, plan?.GetValueOrDefault(binding.ClientBinding));
            }
        }
    }

    public async Task UnsubscribeAsync(string requestId, BlackholeSubscriptionRequest request)
    {
        List<IAsyncDisposable> ending = [];
        lock (gate)
        {
            foreach (var binding in request.Parsed.Select(p => p.Binding!))
            {
                if (bindings.Remove(binding) && listeners.TryGetValue(binding.AmqpBinding, out var listener))
                {
                    listener.Remove(binding.ClientBinding);
                    if (listener.IsEmpty)
                    {
                        listeners.Remove(binding.AmqpBinding);
                        if (listener.Membership is { } membership)
                        {
                            ending.Add(membership);
                        }
                    }
                }
            }
            gauge.Report(bindings.Count);
        }
        await EndQuietlyAsync(ending).ConfigureAwait(false);
        lock (gate)
        {
            sender.Send(BlackholeReplies.Unsubscribed(requestId, request.Parsed.Select(p => p.ClientBinding).Distinct(), bindings.Select(b => b.ClientBinding)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> ending;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            ending = [.. listeners.Values.Select(l => l.Membership).OfType<IAsyncDisposable>()];
            listeners.Clear();
            bindings.Clear();
            gauge.Report(bindings.Count);
        }
        await EndQuietlyAsync(ending).ConfigureAwait(false);
    }

    private async Task RollBackAsync(List<BlackholeBinding> added, List<BlackholeListener> created)
    {
        lock (gate)
        {
            foreach (var binding in added)
            {
                bindings.Remove(binding);
                if (listeners.TryGetValue(binding.AmqpBinding, out var listener))
                {
                    listener.Remove(binding.ClientBinding);
                }
            }
            gauge.Report(bindings.Count);
            foreach (var listener in created)
            {
                listeners.Remove(listener.AmqpBinding);
            }
        }
        await EndQuietlyAsync([.. created.Select(l => l.Membership).OfType<IAsyncDisposable>()]).ConfigureAwait(false);
    }

    // Called by the hub on the bus's delivery thread: takes the lock only briefly and never waits on the socket.
    private void Deliver(BlackholeListener listener, BlackholeEvent evt)
    {
        if (sender.IsClosed)
        {
            return; // nobody will read it: the socket is being closed
        }
        lock (gate)
        {
            if (!disposed && !listener.IsEmpty) // else a delivery the hub had started before this session left
            {
                listener.Deliver(evt, sender);
            }
        }
    }

    // The hub ends the bus subscription quietly itself; this only guards against a hub being torn down meanwhile.
    private async Task EndQuietlyAsync(List<IAsyncDisposable> memberships)
    {
        foreach (var membership in memberships)
        {
            await QuietDisposal.DisposeAsync(membership, LogUnsubscribeFailed).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket subscription to {AmqpBinding} failed: the bus is unavailable")]
    private partial void LogSubscribeFailed(Exception exception, string amqpBinding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket snapshot failed: the datastore is unavailable")]
    private partial void LogSnapshotFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leaving a websocket binding failed")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
