namespace Conferences.Core.Blackhole;

// One AMQP binding of a session and the client bindings it serves, each with its frames' head; frames of a pending
// client binding are held until its subscribe reply is queued. Guarded by the session's lock.
internal sealed class BlackholeListener(string amqpBinding)
{
    private readonly List<(string Client, byte[] Head, long After)> active = [];
    private readonly List<(string Client, byte[] Head)> pending = [];

    public string AmqpBinding { get; } = amqpBinding;

    public IAsyncDisposable? Membership { get; set; }

    public List<(string Client, long Sequence, byte[] Frame)> Held { get; } = [];

    public bool IsEmpty => active.Count == 0 && pending.Count == 0;

    // Until Activate: its frames are held.
    public void Hold(string clientBinding) => pending.Add((clientBinding, Head(clientBinding)));

    public void Remove(string clientBinding)
    {
        active.RemoveAll(a => a.Client == clientBinding);
        pending.RemoveAll(p => p.Client == clientBinding);
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // The start's frames (replay or snapshot), then the held frames after it (the seam: no gap, no duplicate), then live.
    public void Activate(string clientBinding, BlackholeSender sender, BlackholeStart? start = null)
    {
        var at = pending.FindIndex(p => p.Client == clientBinding);
        var after = start?.After ?? 0;
        active.Add((clientBinding, at < 0 ? Head(clientBinding) : pending[at].Head, after));
        if (at >= 0)
        {
            pending.RemoveAt(at);
        }
        foreach (var frame in start?.Frames ?? [])
        {
            sender.Send(frame);
        }
        foreach (var (_, _, frame) in Held.Where(h => h.Client == clientBinding && Uncovered(h.Sequence, after)))
        {
            sender.Send(frame);
        }
        Held.RemoveAll(h => h.Client == clientBinding);
    }

    // bh_events:event/3 → blackhole_data_emitter:event/4: one frame for every client binding this AMQP binding serves,
    // shared with the other sockets whose binding renders the same head. An event numbered before the window was
    // read for a start can still be on its way here after Activate: the start already covers it.
    public void Deliver(BlackholeEvent evt, BlackholeSender sender)
    {
        foreach (var (_, head, after) in active)
        {
            if (Uncovered(evt.Sequence, after))
            {
                sender.Send(evt.FrameFor(head));
            }
        }
        foreach (var (client, head) in pending)
        {
            Held.Add((client, evt.Sequence, evt.FrameFor(head)));
        }
    }

    // the seam's one rule: a start (replay or snapshot) covers the events up to its sequence; no start (0) covers none
    private static bool Uncovered(long sequence, long after) => after == 0 || sequence > after;

    // Off the delivering thread (a replay): not shared.
    public byte[] Frame(string clientBinding, BlackholeEvent evt) => BlackholeEventFrame.Compose(Head(clientBinding), evt.Tail.Span);

    private byte[] Head(string clientBinding) => BlackholeEventFrame.RenderHead(clientBinding, AmqpBinding);
}
