using static Conferences.Api.Tests.Websocket.Frames;

namespace Conferences.Api.Tests.Websocket;

/// <summary>Per-connection limits: bindings and frame size, each with a clear error or close reason.</summary>
public sealed class WebsocketLimitsTests(WebsocketLimitsApiFactory api) : IClassFixture<WebsocketLimitsApiFactory>
{
    [Fact]
    public async Task Bindings_beyond_the_per_connection_limit_are_refused()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.SubscribeAsync(account, "conference.event.c1.*"));
        Success(await ws.SubscribeAsync(account, "conference.command.c1"));

        Assert.Equal(["subscription limit reached: at most 2 bindings per connection"], Errors(await ws.SubscribeAsync(account, "conference.event.c2.*")));
        Success(await ws.UnsubscribeAsync(account, "conference.command.c1"));
        Success(await ws.SubscribeAsync(account, "conference.event.c2.*"));
    }

    [Fact]
    public async Task A_frame_over_the_size_limit_closes_the_socket_with_1009()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        await ws.SendAsync(new JsonObject { ["action"] = "ping", ["auth_token"] = account.Token, ["padding"] = new string('x', 2000) });
        var (_, status, reason) = await ws.ReadUntilClosedAsync();

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Equal("frame larger than 1024 bytes", reason);
    }
}

/// <summary>Blackhole's idle timeout (one hour by default; one second here).</summary>
public sealed class WebsocketIdleTests(IdleTimeoutApiFactory api) : IClassFixture<IdleTimeoutApiFactory>
{
    [Fact]
    public async Task An_idle_socket_is_closed_with_the_reason()
    {
        await using var ws = await BlackholeClient.ConnectAsync(api);

        var (frames, status, reason) = await ws.ReadUntilClosedAsync();

        Assert.Equal(0, frames);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Equal("idle timeout: no frame received for 1 s", reason);
    }
}
