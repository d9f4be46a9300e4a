namespace Conferences.Api.Tests.Websocket;

/// <summary>The service behind real Kestrel, for real websocket clients (TCP back-pressure, client addresses).</summary>
public abstract class KestrelWebsocketFactory : ApiFactory
{
    protected KestrelWebsocketFactory() => ListenOnLoopback();

    /// <summary><c>ws://127.0.0.1:{port}/ws</c>.</summary>
    public Uri WebsocketUri => new($"ws://{Address.Authority}/ws");

    public int Port => Address.Port;
}

/// <summary>A small outgoing queue, and time enough for a slow client to read up to the close frame.</summary>
public sealed class SlowSocketApiFactory : KestrelWebsocketFactory
{
    public const int MaxQueuedFrames = 16;

    public SlowSocketApiFactory() =>
        Settings.Set("Websocket:MaxQueuedFrames", $"{MaxQueuedFrames}").Set("Websocket:CloseTimeout", "00:01:00");
}

/// <summary>Two sockets per client address.</summary>
public sealed class PerIpLimitApiFactory : KestrelWebsocketFactory
{
    public PerIpLimitApiFactory() => Settings.Set("Websocket:MaxConnectionsPerIp", "2");
}

/// <summary>Small per-connection limits.</summary>
public sealed class WebsocketLimitsApiFactory : ApiFactory
{
    public WebsocketLimitsApiFactory() =>
        Settings.Set("Websocket:MaxSubscriptionsPerConnection", "2").Set("Websocket:MaxFrameBytes", "1024");
}

/// <summary>A one-second idle timeout.</summary>
public sealed class IdleTimeoutApiFactory : ApiFactory
{
    public IdleTimeoutApiFactory() => Settings.Set("Websocket:IdleTimeout", "00:00:01");
}
