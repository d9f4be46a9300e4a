namespace Conferences.Api.Websocket;

internal sealed record CloseRequest(WebSocketCloseStatus Status, string Reason, bool DropQueued)
{
    public static CloseRequest TooSlow(int maxQueued) =>
        new(WebSocketCloseStatus.PolicyViolation, $"too slow: more than {maxQueued} frames waiting to be sent", DropQueued: true);

    public static CloseRequest Idle(TimeSpan timeout) =>
        new(WebSocketCloseStatus.NormalClosure, $"idle timeout: no frame received for {timeout.TotalSeconds:0} s", DropQueued: false);

    public static CloseRequest TooBig(int maxBytes) =>
        new(WebSocketCloseStatus.MessageTooBig, $"frame larger than {maxBytes} bytes", DropQueued: false);

    public static readonly CloseRequest ShuttingDown = new(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", DropQueued: false);

    public static CloseRequest Echo(WebSocketCloseStatus? status) =>
        new(status is null or WebSocketCloseStatus.Empty ? WebSocketCloseStatus.NormalClosure : status.Value, string.Empty, DropQueued: true);
}
