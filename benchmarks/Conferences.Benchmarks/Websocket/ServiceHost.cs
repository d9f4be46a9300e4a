extern alias api;
using api::Conferences.Api.Crossbar;
using api::Conferences.Api.Websocket;
using Conferences.Core;
using Conferences.Core.Accounts;
using Conferences.Core.Messaging;
using Conferences.Infrastructure.Messaging;
using Conferences.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// The service's websocket in this process, composed from the same extension methods as its <c>Program.cs</c>
/// (core, embedded store, in-process bus, crossbar's envelope writer and bootstrap, <c>AddBlackhole</c>) on Kestrel at
/// a loopback port — in process so that the benchmark publishes the media server's events on the very bus the
/// sockets' subscriptions are on. No HTTP controllers are mapped and no simulator runs: the benchmark is the media server.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServiceHost(WebApplication app, Uri websocket)
    {
        this.app = app;
        WebsocketUri = websocket;
    }

    public Uri WebsocketUri { get; }

    public IServiceProvider Services => app.Services;

    public IKapiPublisher Publisher => app.Services.GetRequiredService<IKapiPublisher>();

    public IKapiSubscriber Subscriber => app.Services.GetRequiredService<IKapiSubscriber>();

    public static async Task<ServiceHost> StartAsync(string databaseFile, string apiKey, int maxQueuedFrames)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={databaseFile}",
            ["Bootstrap:ApiKey"] = apiKey,
            ["Websocket:MaxConnectionsPerIp"] = "0",
            ["Websocket:MaxQueuedFrames"] = $"{maxQueuedFrames}",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddConferencesCore();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddMessaging(builder.Configuration);
        builder.AddCrossbar();
        builder.AddBlackhole();
        var app = builder.Build();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ServiceHost(app, new Uri($"ws://{address.Authority}/ws"));
    }

    /// <summary>The master account (created by the bootstrap from the API key) and a token of it.</summary>
    public async Task<(string AccountId, string Token)> MasterAsync(string apiKey)
    {
        var accounts = app.Services.GetRequiredService<AccountService>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await accounts.FindByApiKeyAsync(apiKey, CancellationToken.None) is { } master)
            {
                var id = master["_id"]!.GetValue<string>();
                return (id, app.Services.GetRequiredService<TokenService>().Issue(id, isSuperDuperAdmin: true));
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the master account was not bootstrapped");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
