using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.Api.Tests.Websocket;

/// <summary>The service on the in-memory test server with <c>Websocket</c> settings of a test class's own.</summary>
public abstract class WebsocketSettingsFactory : ApiFactory
{
    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The service behind real Kestrel on a loopback port, for real websocket clients (TCP back-pressure, client addresses).</summary>
public abstract class KestrelWebsocketFactory : WebsocketSettingsFactory
{
    private readonly Lazy<Uri> address;

    protected KestrelWebsocketFactory()
    {
        UseKestrel(0);
        address = new(() =>
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        });
    }

    /// <summary><c>ws://127.0.0.1:{port}/ws</c>.</summary>
    public Uri WebsocketUri => new($"ws://{address.Value.Authority}/ws");

    public int Port => address.Value.Port;

    protected override Uri BaseAddress => address.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}

/// <summary>A small outgoing queue, and time enough for a slow client to read up to the close frame.</summary>
public sealed class SlowSocketApiFactory : KestrelWebsocketFactory
{
    public const int MaxQueuedFrames = 16;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Websocket:MaxQueuedFrames"] = $"{MaxQueuedFrames}",
        ["Websocket:CloseTimeout"] = "00:01:00",
    };
}

/// <summary>Two sockets per client address.</summary>
public sealed class PerIpLimitApiFactory : KestrelWebsocketFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Websocket:MaxConnectionsPerIp"] = "2",
    };
}

/// <summary>Small per-connection limits.</summary>
public sealed class WebsocketLimitsApiFactory : WebsocketSettingsFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Websocket:MaxSubscriptionsPerConnection"] = "2",
        ["Websocket:MaxFrameBytes"] = "1024",
    };
}

/// <summary>A one-second idle timeout.</summary>
public sealed class IdleTimeoutApiFactory : WebsocketSettingsFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Websocket:IdleTimeout"] = "00:00:01",
    };
}
