namespace Conferences.Core.Blackhole;

// One AMQP binding of a session and the client bindings it serves; frames of a pending client binding are held until
// its subscribe reply is queued. Guarded by the session's lock.
internal sealed class BlackholeListener(string amqpBinding)
{
    public string AmqpBinding { get; } = amqpBinding;

    public IAsyncDisposable? Membership { get; set; }

    public List<string> Active { get; } = [];

    public List<string> Pending { get; } = [];

    public List<(string Client, long Sequence, byte[] Frame)> Held { get; } = [];

    public bool IsEmpty => Active.Count == 0 && Pending.Count == 0;

    public bool Serves(string clientBinding) => Active.Contains(clientBinding) || Pending.Contains(clientBinding);

    public void Remove(string clientBinding)
    {
        Active.Remove(clientBinding);
        Pending.Remove(clientBinding);
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // The start's frames (replay or snapshot), then the held frames after it (the seam: no gap, no duplicate), then live.
    public void Activate(string clientBinding, BlackholeSender sender, BlackholeStart? start = null)
    {
        Pending.Remove(clientBinding);
        Active.Add(clientBinding);
        foreach (var frame in start?.Frames ?? [])
        {
            sender.Send(frame);
        }
        foreach (var (_, _, frame) in Held.Where(h => h.Client == clientBinding && (start is null || h.Sequence > start.After)))
        {
            sender.Send(frame);
        }
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // bh_events:event/3 → blackhole_data_emitter:event/4: one frame for every client binding this AMQP binding serves.
    public void Deliver(BlackholeEvent evt, BlackholeSender sender)
    {
        foreach (var client in Active)
        {
            sender.Send(Frame(client, evt));
        }
        foreach (var client in Pending)
        {
            Held.Add((client, evt.Sequence, Frame(client, evt)));
        }
    }

    public byte[] Frame(string clientBinding, BlackholeEvent evt) =>
        BlackholeEventFrame.Render(clientBinding, AmqpBinding, evt.Name, evt.RoutingKey, evt.Data.Span, evt.Cursor);
}
