namespace Conferences.Core.Blackhole;

/// <summary>
/// A session's way to its client. A frame the outbox refuses means the socket is closing (its queue overflowed or it
/// is shutting down), so every later frame is refused too and deliveries stop rendering frames nobody will read.
/// </summary>
internal sealed class BlackholeSender(IBlackholeOutbox outbox)
{
    private volatile bool closed;

    public bool IsClosed => closed;

    public void Send(byte[] frame)
    {
        if (!outbox.TryEnqueue(frame))
        {
            closed = true;
        }
    }
}
