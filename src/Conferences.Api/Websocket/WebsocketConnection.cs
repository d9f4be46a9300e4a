using System.Buffers;

namespace Conferences.Api.Websocket;

// Receive loop, bounded writer queue and idle watchdog of one Blackhole session (docs/websocket.md, ADR 0006).
internal sealed partial class WebsocketConnection(
    WebSocket socket, WebsocketOptions options, TimeProvider clock, Action abortConnection, string peer, ILogger logger) : IBlackholeOutbox, IDisposable
{
    private const int ReceiveChunk = 1024;

    private readonly OutgoingFrames outgoing = new(options.MaxQueuedFrames);
    private readonly CancellationTokenSource closing = new();
    private readonly WebsocketCloser closer = new(socket, options.CloseTimeout, clock, abortConnection);
    private long lastActivity = clock.GetTimestamp();

    public bool TryEnqueue(byte[] frame)
    {
        if (outgoing.TryWrite(frame))
        {
            ConferencesMetrics.WebsocketFrames.Add(1, new KeyValuePair<string, object?>("direction", "sent"));
            return true;
        }
        if (RequestClose(CloseRequest.TooSlow(options.MaxQueuedFrames)))
        {
            ConferencesMetrics.WebsocketSlowConsumerCloses.Add(1);
            LogTooSlow(peer, options.MaxQueuedFrames);
        }
        return false;
    }

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
        closer.Dispose();
        LogClosed(peer, closer.Request?.Status ?? WebSocketCloseStatus.Empty, closer.Request?.Reason ?? string.Empty);
    }

    public void Dispose()
    {
        closer.Dispose();
        closing.Dispose();
    }

    private bool RequestClose(CloseRequest request)
    {
        if (!closer.TryClose(request))
        {
            return false;
        }
        outgoing.Complete();
        return true;
    }

    // An idle socket holds one small pooled chunk; a frame larger than a chunk is assembled in a buffer of its own.
    private async Task ReceiveAsync(BlackholeSession session)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunk);
        try
        {
            while (true)
            {
                ArrayBufferWriter<byte>? assembled = null;
                var length = 0;
                var tooBig = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    length += result.Count;
                    tooBig |= length > options.MaxFrameBytes;
                    if (!tooBig && (assembled is not null || !result.EndOfMessage))
                    {
                        assembled ??= new ArrayBufferWriter<byte>(ReceiveChunk * 2);
                        assembled.Write(chunk.AsSpan(0, result.Count));
                    }
                }
                while (!result.EndOfMessage);
                Volatile.Write(ref lastActivity, clock.GetTimestamp());
                if (tooBig)
                {
                    RequestClose(CloseRequest.TooBig(options.MaxFrameBytes));
                }
                else if (closer.Request is not null)
                {
                    continue; // closing: only the client's close frame matters now
                }
                else if (result.MessageType == WebSocketMessageType.Text)
                {
                    var text = assembled?.WrittenMemory ?? chunk.AsMemory(0, result.Count);
                    await session.HandleAsync(text, closing.Token).ConfigureAwait(false);
                }
                else
                {
                    session.HandleBinary();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // the client vanished or the socket was aborted
            RequestClose(CloseRequest.Echo(null));
            closer.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task WriteAsync()
    {
        var reader = outgoing;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    if (closer.Request is { DropQueued: true })
                    {
                        break;
                    }
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
                if (closer.Request is { DropQueued: true })
                {
                    break;
                }
            }
            if (closer.Request is { } request && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(request.Status, request.Reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            closer.Abort();
        }
    }

    private async Task WatchIdleAsync()
    {
        try
        {
            while (true)
            {
                var remaining = options.IdleTimeout - clock.GetElapsedTime(Volatile.Read(ref lastActivity));
                if (remaining <= TimeSpan.Zero)
                {
                    if (RequestClose(CloseRequest.Idle(options.IdleTimeout)))
                    {
                        LogIdle(peer);
                    }
                    return;
                }
                await Task.Delay(remaining, clock, closing.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the socket closed first
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket {Peer} closed: more than {MaxQueued} frames waiting, the client does not keep up")]
    private partial void LogTooSlow(string peer, int maxQueued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Websocket {Peer} closed: idle")]
    private partial void LogIdle(string peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Websocket {Peer} ended ({Status} {Reason})")]
    private partial void LogClosed(string peer, WebSocketCloseStatus status, string reason);
}
