using System.Buffers;
using System.Net.WebSockets;
using Conferences.Core.Blackhole;

namespace Conferences.Api.Websocket;

/// <summary>The three loops of a connection: receiving frames, sending the queue, watching for idleness.</summary>
internal sealed partial class WebsocketConnection
{
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
                else if (Volatile.Read(ref close) is not null)
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
            Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task WriteAsync()
    {
        var reader = outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    if (Volatile.Read(ref close) is { DropQueued: true })
                    {
                        break;
                    }
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
                if (Volatile.Read(ref close) is { DropQueued: true })
                {
                    break;
                }
            }
            if (Volatile.Read(ref close) is { } request && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(request.Status, request.Reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Abort();
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
}
