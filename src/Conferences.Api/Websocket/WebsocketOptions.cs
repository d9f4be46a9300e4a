namespace Conferences.Api.Websocket;

/// <summary>The <c>Websocket</c> configuration section: the Blackhole endpoint's limits (docs/websocket.md).</summary>
public sealed class WebsocketOptions
{
    public const string Section = "Websocket";

    /// <summary>The endpoint's path (any path below it is accepted too, as Blackhole accepts any path).</summary>
    public string Path { get; set; } = "/ws";

    /// <summary>A client that falls this far behind is closed with 1008 rather than slowing the bus or growing
    /// memory.</summary>
    public int MaxQueuedFrames { get; set; } = 256;

    /// <summary>A socket from which no frame arrives for this long is closed (Blackhole: one hour).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the server sends websocket pings; zero disables them.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping not answered by a pong within this time aborts the connection; zero waits forever.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>Open sockets per client IP address (Blackhole's <c>max_connections_per_ip</c>); zero means no limit.</summary>
    public int MaxConnectionsPerIp { get; set; } = 100;

    /// <summary>The largest client frame accepted; a larger one closes the socket with 1009.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>How long a closing socket may take to finish the close handshake before it is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events held per conference for <c>since</c> replays; zero holds none (every <c>since</c> gets a snapshot).</summary>
    public int ReplayEvents { get; set; } = 256;

    /// <summary>How long a conference's queue and event window outlive its last socket; zero ends them with it.</summary>
    public TimeSpan ReplayIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public BlackholeReplayOptions Replay => new() { Events = ReplayEvents, IdleExpiry = ReplayIdleTimeout };
}
