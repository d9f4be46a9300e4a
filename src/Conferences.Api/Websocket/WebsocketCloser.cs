namespace Conferences.Api.Websocket;

/// <summary>
/// The close of one websocket: the first reason wins, and a close the client does not complete within the deadline
/// aborts the connection, unless the request has ended meanwhile (Kestrel may be reusing the connection by then).
/// </summary>
internal sealed class WebsocketCloser(WebSocket socket, TimeSpan deadline, TimeProvider clock, Action abortConnection) : IDisposable
{
    private readonly Lock gate = new();
    private CancellationTokenSource? timer;
    private CloseRequest? request;
    private bool finished;

    /// <summary>Why the socket is closing, or null while it is open.</summary>
    public CloseRequest? Request => Volatile.Read(ref request);

    /// <returns>false when the socket was closing already.</returns>
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

    /// <summary>The request ends: from now on a late deadline changes nothing.</summary>
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
