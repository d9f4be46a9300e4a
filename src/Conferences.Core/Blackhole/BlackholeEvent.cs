namespace Conferences.Core.Blackhole;

/// <summary>One delivery, rendered once by <see cref="BlackholeEventHub"/> as the tail of its frames; each client
/// binding puts its head before it. Conference events carry their <see cref="Cursor"/>; command deliveries have none.</summary>
public sealed class BlackholeEvent(string routingKey, byte[] tail)
{
    private SharedFrame? shared;

    public string RoutingKey { get; } = routingKey;

    /// <summary>The frame from <c>name</c> on (<see cref="BlackholeEventFrame.RenderTail"/>).</summary>
    public ReadOnlyMemory<byte> Tail { get; } = tail;

    /// <summary>The instance's sequence number of a conference event (0 for a command).</summary>
    public long Sequence { get; init; }

    public string? Cursor { get; init; }

    /// <summary>The routing key's account and call words (<c>conference.event.{event}.{account}.{conf}.{call}</c>).</summary>
    public string? AccountWord { get; init; }

    public string? CallWord { get; init; }

    /// <summary>The frame for <paramref name="head"/>; while the event is being handed out, sockets with the same head
    /// share one frame (the bytes are never changed). Called from the delivering thread only.</summary>
    internal byte[] FrameFor(byte[] head)
    {
        if (shared is { } last && (ReferenceEquals(last.Head, head) || last.Head.AsSpan().SequenceEqual(head)))
        {
            return last.Frame;
        }
        var frame = BlackholeEventFrame.Compose(head, Tail.Span);
        shared = new SharedFrame(head, frame);
        return frame;
    }

    /// <summary>After the hand-out: a window holding the event keeps only its tail.</summary>
    internal void ForgetSharedFrame() => shared = null;

    private sealed record SharedFrame(byte[] Head, byte[] Frame);
}
