namespace Conferences.Api.Websocket;

/// <summary>Why a socket is being closed: the close frame's status and reason, and whether frames still queued are dropped.</summary>
internal sealed record CloseRequest(WebSocketCloseStatus Status, string Reason, bool DropQueued)
{
    /// <summary>1008: the client does not read its frames fast enough.</summary>
    public static CloseRequest TooSlow(int maxQueued) =>
        new(WebSocketCloseStatus.PolicyViolation, $"too slow: more than {maxQueued} frames waiting to be sent", DropQueued: true);

    public static CloseRequest Idle(TimeSpan timeout) =>
        new(WebSocketCloseStatus.NormalClosure, $"idle timeout: no frame received for {timeout.TotalSeconds:0} s", DropQueued: false);

    /// <summary>1009: a client frame over the size limit.</summary>
    public static CloseRequest TooBig(int maxBytes) =>
        new(WebSocketCloseStatus.MessageTooBig, $"frame larger than {maxBytes} bytes", DropQueued: false);

    /// <summary>1001: the service is stopping.</summary>
    public static readonly CloseRequest ShuttingDown = new(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", DropQueued: false);

    /// <summary>The answer to the client's own close frame (its status echoed).</summary>
    public static CloseRequest Echo(WebSocketCloseStatus? status) =>
        new(status is null or WebSocketCloseStatus.Empty ? WebSocketCloseStatus.NormalClosure : status.Value, string.Empty, DropQueued: true);
}
