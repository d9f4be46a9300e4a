using Conferences.Core.Messaging;

namespace Conferences.Api.Websocket;

/// <summary>The Blackhole-compatible websocket endpoint, mapped ahead of the crossbar pipeline
/// (docs/websocket.md).</summary>
public static class WebsocketExtensions
{
    public static WebApplicationBuilder AddBlackhole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebsocketOptions>()
            .BindConfiguration(WebsocketOptions.Section)
            .Validate(o => o.Path.StartsWith('/') && o.Path.Length > 1, "Websocket: Path must start with / and name a path")
            .Validate(o => o.MaxQueuedFrames > 0, "Websocket: MaxQueuedFrames must be positive")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Websocket: IdleTimeout must be positive")
            .Validate(o => o.KeepAliveInterval >= TimeSpan.Zero && o.KeepAliveTimeout >= TimeSpan.Zero, "Websocket: KeepAliveInterval and KeepAliveTimeout must not be negative")
            .Validate(o => o.MaxSubscriptionsPerConnection > 0, "Websocket: MaxSubscriptionsPerConnection must be positive")
            .Validate(o => o.MaxConnectionsPerIp >= 0, "Websocket: MaxConnectionsPerIp must not be negative (0 = no limit)")
            .Validate(o => o.MaxFrameBytes >= 1024, "Websocket: MaxFrameBytes must be at least 1024")
            .Validate(o => o.CloseTimeout > TimeSpan.Zero, "Websocket: CloseTimeout must be positive")
            .Validate(o => o.ReplayEvents >= 0 && o.ReplayIdleTimeout >= TimeSpan.Zero, "Websocket: ReplayEvents and ReplayIdleTimeout must not be negative")
            .ValidateOnStart();
        builder.Services.AddSingleton<ConnectionsPerIp>();
        builder.Services.AddSingleton<IBlackholeAuthenticator, BlackholeAuthenticator>();
        // one bus subscription per binding key (per conference for events) for all sessions (ADR 0008, ADR 0016)
        builder.Services.AddSingleton(s =>
        {
            var hub = new BlackholeEventHub(s.GetRequiredService<IKapiSubscriber>(), s.GetRequiredService<ILogger<BlackholeEventHub>>(),
                s.GetRequiredService<IOptions<WebsocketOptions>>().Value.Replay, s.GetRequiredService<TimeProvider>());
            s.GetRequiredService<IMessageBusHealth>().Reconnected += hub.OnBusReconnected; // both live as long as the app
            return hub;
        });
        builder.Services.AddSingleton<IConferenceSnapshots, ConferenceSnapshots>();
        builder.Services.AddSingleton<BlackholeEndpoint>();
        builder.Services.AddTransient<IStartupFilter, BlackholeStartupFilter>();
        return builder;
    }
}
