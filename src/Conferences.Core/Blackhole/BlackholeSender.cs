namespace Conferences.Core.Blackhole;

// A refused frame means the socket is closing: later frames are refused too, so deliveries stop rendering.
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
