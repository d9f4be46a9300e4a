using System.Collections.Concurrent;

namespace Conferences.Api.Websocket;

/// <summary>A socket's bounded queue of frames: many delivering threads, one writer loop. Writers take no lock, so a
/// bus thread handing an event to a thousand sockets never waits on a writer loop (ADR 0006: a full queue refuses).</summary>
internal sealed class OutgoingFrames(int capacity)
{
    private readonly ConcurrentQueue<byte[]> frames = new();
    private int count;
    private volatile bool completed;
    private TaskCompletionSource? wake;

    /// <returns>false when the queue is full or completed.</returns>
    public bool TryWrite(byte[] frame)
    {
        if (completed)
        {
            return false;
        }
        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            return false;
        }
        frames.Enqueue(frame);
        Wake();
        return true;
    }

    /// <summary>No more writes; the reader still gets what is queued.</summary>
    public void Complete()
    {
        completed = true;
        Wake();
    }

    /// <summary>Single reader.</summary>
    public bool TryRead(out byte[] frame)
    {
        if (!frames.TryDequeue(out frame!))
        {
            return false;
        }
        Interlocked.Decrement(ref count);
        return true;
    }

    /// <summary>Single reader: true when a frame waits, false once completed and drained.</summary>
    public async ValueTask<bool> WaitToReadAsync()
    {
        while (frames.IsEmpty)
        {
            if (completed)
            {
                return !frames.IsEmpty;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref wake, signal); // a full fence before the check: a write after it sees the signal
            if (frames.IsEmpty && !completed)
            {
                await signal.Task.ConfigureAwait(false);
            }
        }
        return true;
    }

    // An exchange, not a read: ordered with the reader's exchange, so either the reader sees the frame (or the
    // completion) or this takes its signal.
    private void Wake() => Interlocked.Exchange(ref wake, null)?.TrySetResult();
}
