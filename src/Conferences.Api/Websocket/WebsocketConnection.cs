using System.Net.WebSockets;
using System.Threading.Channels;
using Conferences.Core.Blackhole;

namespace Conferences.Api.Websocket;

/// <summary>
/// The socket side of one Blackhole session: a receive loop that hands each text frame to the session in order, a
/// writer that sends replies and events from a bounded queue, and an idle watchdog. Nothing the bus delivers ever
/// waits for the socket: a client that lets <see cref="WebsocketOptions.MaxQueuedFrames"/> frames pile up is closed
/// with 1008 and a reason, its queued frames dropped. Every close (client, idle, too slow, too big, shutdown) has a
/// deadline after which the connection is aborted.
/// </summary>
internal sealed partial class WebsocketConnection(
    WebSocket socket, WebsocketOptions options, TimeProvider clock, Action abortConnection, string peer, ILogger logger) : IBlackholeOutbox, IDisposable
{
    private const int ReceiveChunk = 1024;

    private readonly Channel<byte[]> outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedFrames)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource closing = new();
    private readonly Lock gate = new();
    private CancellationTokenSource? deadline;
    private CloseRequest? close;
    private bool finished;
    private long lastActivity = clock.GetTimestamp();

    public bool TryEnqueue(byte[] frame)
    {
        if (outgoing.Writer.TryWrite(frame))
        {
            return true;
        }
        if (RequestClose(CloseRequest.TooSlow(options.MaxQueuedFrames)))
        {
            LogTooSlow(peer, options.MaxQueuedFrames);
        }
        return false;
    }

    /// <summary>Runs the socket until it is closed, the client is gone or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(BlackholeSession session, CancellationToken stopping)
    {
        using var onStopping = stopping.Register(() => RequestClose(CloseRequest.ShuttingDown));
        var writer = WriteAsync();
        var watchdog = WatchIdleAsync();
        await ReceiveAsync(session).ConfigureAwait(false);
        RequestClose(CloseRequest.Echo(socket.CloseStatus));
        await writer.ConfigureAwait(false);
        await closing.CancelAsync().ConfigureAwait(false);
        await watchdog.ConfigureAwait(false);
        lock (gate)
        {
            // the request ends now: a late deadline must not abort a connection Kestrel reuses
            finished = true;
            deadline?.Dispose();
            deadline = null;
        }
        LogClosed(peer, close?.Status ?? WebSocketCloseStatus.Empty, close?.Reason ?? string.Empty);
    }

    public void Dispose()
    {
        lock (gate)
        {
            finished = true;
            deadline?.Dispose();
            deadline = null;
        }
        closing.Dispose();
    }

    /// <returns>false when the socket was closing already (the first reason wins).</returns>
    private bool RequestClose(CloseRequest request)
    {
        lock (gate)
        {
            if (close is not null)
            {
                return false;
            }
            close = request;
            deadline = new CancellationTokenSource(options.CloseTimeout, clock);
            deadline.Token.Register(Abort);
        }
        outgoing.Writer.TryComplete();
        return true;
    }

    private void Abort()
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket {Peer} closed: more than {MaxQueued} frames waiting, the client does not keep up")]
    private partial void LogTooSlow(string peer, int maxQueued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Websocket {Peer} closed: idle")]
    private partial void LogIdle(string peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Websocket {Peer} ended ({Status} {Reason})")]
    private partial void LogClosed(string peer, WebSocketCloseStatus status, string reason);
}
