namespace Conferences.Core.Blackhole;

// One AMQP binding of a session and the client bindings it serves; frames of a pending client binding are held until
// its subscribe reply is queued. Guarded by the session's lock.
internal sealed class BlackholeListener(string amqpBinding)
{
    public string AmqpBinding { get; } = amqpBinding;

    public IAsyncDisposable? Membership { get; set; }

    public List<string> Active { get; } = [];

    public List<string> Pending { get; } = [];

    public List<(string Client, byte[] Frame)> Held { get; } = [];

    public bool IsEmpty => Active.Count == 0 && Pending.Count == 0;

    public bool Serves(string clientBinding) => Active.Contains(clientBinding) || Pending.Contains(clientBinding);

    public void Remove(string clientBinding)
    {
        Active.Remove(clientBinding);
        Pending.Remove(clientBinding);
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // Held frames first, then live delivery.
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
