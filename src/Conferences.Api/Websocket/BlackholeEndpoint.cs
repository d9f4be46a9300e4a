using Microsoft.Net.Http.Headers;

namespace Conferences.Api.Websocket;

/// <summary><c>/ws</c> handshake (<c>blackhole_socket_handler:init/2</c>; docs/websocket.md): sub-protocols 400, the
/// per-IP cap 429, then one <see cref="BlackholeSession"/> per socket.</summary>
internal sealed partial class BlackholeEndpoint(
    IOptions<WebsocketOptions> options,
    ConnectionsPerIp connectionsPerIp,
    EnvelopeWriter envelopes,
    IBlackholeAuthenticator authenticator,
    BlackholeEventHub hub,
    IConferenceSnapshots snapshots,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger<BlackholeEndpoint>();

    public async Task HandleAsync(HttpContext http)
    {
        var settings = options.Value;
        if (http.Request.Headers.ContainsKey(HeaderNames.SecWebSocketProtocol))
        {
            await envelopes.WriteAsync(http, WebsocketRefusals.SubProtocols()).ConfigureAwait(false);
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await envelopes.WriteAsync(http, WebsocketRefusals.NotAWebsocket(settings.Path)).ConfigureAwait(false);
            return;
        }
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!connectionsPerIp.TryAcquire(address, settings.MaxConnectionsPerIp))
        {
            LogTooMany(address, settings.MaxConnectionsPerIp);
            await envelopes.WriteAsync(http, WebsocketRefusals.TooManyConnections(address, settings.MaxConnectionsPerIp)).ConfigureAwait(false);
            return;
        }
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(AcceptContext(settings)).ConfigureAwait(false);
            var peer = $"{address}:{http.Connection.RemotePort}";
            using var connection = new WebsocketConnection(socket, settings, clock, http.Abort, peer, logger);
            var session = new BlackholeSession(authenticator, hub, snapshots, connection,
                new BlackholeSessionOptions { MaxBindings = settings.MaxSubscriptionsPerConnection }, loggers.CreateLogger<BlackholeSession>());
            await using (session.ConfigureAwait(false))
            {
                await session.AuthenticateOnConnectAsync(http.Request.Query["auth_token"].ToString(), http.RequestAborted).ConfigureAwait(false);
                LogOpened(peer);
                ConferencesMetrics.WebsocketConnections.Add(1);
                try
                {
                    await connection.RunAsync(session, lifetime.ApplicationStopping).ConfigureAwait(false);
                }
                finally
                {
                    ConferencesMetrics.WebsocketConnections.Add(-1);
                }
            }
        }
        finally
        {
            connectionsPerIp.Release(address);
        }
    }

    private static WebSocketAcceptContext AcceptContext(WebsocketOptions settings) => new()
    {
        KeepAliveInterval = settings.KeepAliveInterval,
        KeepAliveTimeout = settings.KeepAliveInterval > TimeSpan.Zero && settings.KeepAliveTimeout > TimeSpan.Zero
            ? settings.KeepAliveTimeout
            : Timeout.InfiniteTimeSpan,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Websocket {Peer} opened")]
    private partial void LogOpened(string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket from {Address} refused: {Limit} connections open already")]
    private partial void LogTooMany(string address, int limit);
}
