namespace Conferences.Core.Blackhole;

/// <summary>
/// A session's membership of the <see cref="BlackholeEventHub"/> for one AMQP binding and the client bindings it serves (several client bindings
/// may stand for one AMQP binding, e.g. <c>conference.event.{conf}.*</c> and D12's <c>conference.event.*.{conf}.*</c>;
/// each gets its own frame, as in Kazoo). Client bindings are pending until their subscribe reply is queued: frames
/// for them are held so that no event frame overtakes the reply. Guarded by the session's lock.
/// </summary>
internal sealed class BlackholeListener(string amqpBinding)
{
    public string AmqpBinding { get; } = amqpBinding;

    /// <summary>The hub membership, once joined; disposing it leaves the binding.</summary>
    public IAsyncDisposable? Membership { get; set; }

    public List<string> Active { get; } = [];

    public List<string> Pending { get; } = [];

    /// <summary>Frames of pending client bindings, in delivery order.</summary>
    public List<(string Client, byte[] Frame)> Held { get; } = [];

    public bool IsEmpty => Active.Count == 0 && Pending.Count == 0;

    public bool Serves(string clientBinding) => Active.Contains(clientBinding) || Pending.Contains(clientBinding);

    public void Remove(string clientBinding)
    {
        Active.Remove(clientBinding);
        Pending.Remove(clientBinding);
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    /// <summary>Right after the subscribe reply: the held frames first, then live delivery.</summary>
    public void Activate(string clientBinding, BlackholeSender sender)
    {
        Pending.Remove(clientBinding);
        Active.Add(clientBinding);
        foreach (var (_, frame) in Held.Where(h => h.Client == clientBinding))
        {
            sender.Send(frame);
        }
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // bh_events:event/3 → blackhole_data_emitter:event/4: one frame for every client binding this AMQP binding serves.
    public void Deliver(BlackholeEvent evt, BlackholeSender sender)
    {
        var data = evt.Data.Span;
        foreach (var client in Active)
        {
            sender.Send(BlackholeEventFrame.Render(client, evt.AmqpBinding, evt.Name, evt.RoutingKey, data));
        }
        foreach (var client in Pending)
        {
            Held.Add((client, BlackholeEventFrame.Render(client, evt.AmqpBinding, evt.Name, evt.RoutingKey, data)));
        }
    }
}
