using Conferences.Core.Messaging;
using Conferences.Core.Storage;

namespace Conferences.Core.Blackhole;

/// <summary>Subscribe and unsubscribe (<c>bh_events.erl</c>, <c>bh_authz_subscribe.erl</c>, <c>bh_conference.erl</c>).</summary>
public sealed partial class BlackholeSession
{
    // validate → authorize → command, each failing step answering with its errors (blackhole_socket_callback:recv/2)
    private async Task SubscribeAsync(BlackholeFrame frame, CancellationToken ct)
    {
        if (Validate(frame) is not { } request)
        {
            return;
        }
        if (await AuthorizeAsync(request.AccountId, ct).ConfigureAwait(false) is { } refusal)
        {
            Send(BlackholeReplies.Error(frame.RequestId, refusal));
            return;
        }
        if (request.Parsed.Any(p => p.IsUnknownFamily))
        {
            Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.NoAvailableSubscriptions));
            return;
        }
        var wanted = request.Parsed.Select(p => p.Binding!).Distinct().ToList();
        List<BlackholeBinding> added;
        List<BlackholeListener> created = [];
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            added = [.. wanted.Where(b => !bindings.Contains(b))];
            if (bindings.Count + added.Count > options.MaxBindings)
            {
                Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.TooManySubscriptions(options.MaxBindings)));
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
                listener.Pending.Add(binding.ClientBinding);
                bindings.Add(binding);
            }
        }
        try
        {
            foreach (var listener in created)
            {
                listener.Membership = await hub.JoinAsync(listener.AmqpBinding, e => Deliver(listener, e), ct).ConfigureAwait(false);
            }
        }
        catch (BusUnavailableException e)
        {
            LogSubscribeFailed(e, string.Join(", ", created.Select(l => l.AmqpBinding)));
            await RollBackAsync(added, created).ConfigureAwait(false);
            Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.BusUnavailable));
            return;
        }
        catch (OperationCanceledException)
        {
            await RollBackAsync(added, created).ConfigureAwait(false);
            throw;
        }
        lock (gate)
        {
            Send(BlackholeReplies.Subscribed(frame.RequestId, bindings.Select(b => b.ClientBinding)));
            foreach (var binding in added)
            {
                Activate(listeners[binding.AmqpBinding], binding.ClientBinding);
            }
        }
    }

    // Not authorized in Kazoo either: removing a binding the session does not hold changes nothing.
    private async Task UnsubscribeAsync(BlackholeFrame frame)
    {
        if (Validate(frame) is not { } request)
        {
            return;
        }
        if (request.Parsed.Any(p => p.IsUnknownFamily))
        {
            Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.NoAvailableSubscriptions));
            return;
        }
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
        }
        foreach (var membership in ending)
        {
            await EndQuietlyAsync(membership).ConfigureAwait(false);
        }
        lock (gate)
        {
            Send(BlackholeReplies.Unsubscribed(frame.RequestId, request.Parsed.Select(p => p.ClientBinding).Distinct(), bindings.Select(b => b.ClientBinding)));
        }
    }

    // bh_authz_subscribe: "*" for super-duper admins only; otherwise the token's account or a descendant.
    private async Task<string?> AuthorizeAsync(string accountId, CancellationToken ct)
    {
        var who = claims!;
        if (accountId == BlackholeProtocol.AnyAccount)
        {
            return who.IsSuperDuperAdmin ? null : BlackholeErrors.UnauthorizedWildcardAccountId;
        }
        try
        {
            return await authenticator.MayAccessAsync(who, accountId, ct).ConfigureAwait(false) ? null : BlackholeErrors.UnauthorizedAccountId;
        }
        catch (DatastoreUnavailableException e)
        {
            LogAuthorizeFailed(e, accountId);
            return BlackholeErrors.DatastoreUnavailable;
        }
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
            foreach (var listener in created)
            {
                listeners.Remove(listener.AmqpBinding);
            }
        }
        foreach (var membership in created.Select(l => l.Membership).OfType<IAsyncDisposable>())
        {
            await EndQuietlyAsync(membership).ConfigureAwait(false);
        }
    }

    // Under the lock, right after the reply: the held frames first, then live delivery.
    private void Activate(BlackholeListener listener, string clientBinding)
    {
        listener.Pending.Remove(clientBinding);
        listener.Active.Add(clientBinding);
        foreach (var (_, frame) in listener.Held.Where(h => h.Client == clientBinding))
        {
            Send(frame);
        }
        listener.Held.RemoveAll(h => h.Client == clientBinding);
    }

    // bh_events:event/3 → blackhole_data_emitter:event/4, for every client binding this AMQP binding serves. Called
    // by the hub on the bus's delivery thread: it takes the session's lock only briefly and never waits on the socket.
    private void Deliver(BlackholeListener listener, BlackholeEvent evt)
    {
        if (outboxClosed)
        {
            return; // nobody will read it: the socket is being closed
        }
        lock (gate)
        {
            if (disposed || listener.IsEmpty)
            {
                return; // a delivery the hub had started before this session left
            }
            var data = evt.Data.Span;
            foreach (var client in listener.Active)
            {
                Send(BlackholeEventFrame.Render(client, evt.AmqpBinding, evt.Name, evt.RoutingKey, data));
            }
            foreach (var client in listener.Pending)
            {
                listener.Held.Add((client, BlackholeEventFrame.Render(client, evt.AmqpBinding, evt.Name, evt.RoutingKey, data)));
            }
        }
    }
}
