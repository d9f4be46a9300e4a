namespace Conferences.Api.Websocket;

// The first close reason wins; an unfinished close aborts after the deadline unless the request has already ended
// (Kestrel may be reusing the connection).
internal sealed class WebsocketCloser(WebSocket socket, TimeSpan deadline, TimeProvider clock, Action abortConnection) : IDisposable
{
    private readonly Lock gate = new();
    private CancellationTokenSource? timer;
    private CloseRequest? request;
    private bool finished;

    public CloseRequest? Request => Volatile.Read(ref request);

    public bool TryClose(CloseRequest close)
    {
        lock (gate)
        {
            if (request is not null)
            {
                return false;
            }
            request = close;
            timer = new CancellationTokenSource(deadline, clock);
            timer.Token.Register(Abort);
        }
        return true;
    }

    public void Abort()
    {
        lock (gate)
        {
            if (finished)
            {
                return;
            }
        }
        socket.Abort();
        abortConnection();
    }

    // After the request ends, a late deadline must not abort a connection Kestrel may have reused.
    public void Dispose()
    {
        lock (gate)
        {
            finished = true;
            timer?.Dispose();
            timer = null;
        }
    }
}
