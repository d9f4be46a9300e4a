extern alias api;
using api::Conferences.Api.Crossbar;
using api::Conferences.Api.MediaServer;
using Conferences.Core;
using Conferences.Core.Accounts;
using Conferences.Core.Actions;
using Conferences.Core.Messaging;
using Conferences.Infrastructure.Messaging;
using Conferences.Infrastructure.Realtime;
using Conferences.Infrastructure.Storage;
using Conferences.MediaServer.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Actions;

/// <summary>
/// The whole API in this process, composed from the same extension methods as its <c>Program.cs</c> (core, embedded
/// store, the bus of <paramref name="bus"/>, actions, the live state's feed, the built-in simulator beside it on the
/// same bus, crossbar with its controllers) on Kestrel at a loopback port: in process so that the bare round trip
/// can use the very bus (and broker connection) the API's commands and events travel on.
/// </summary>
public sealed class ActionHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ActionHost(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    /// <summary><c>http://127.0.0.1:{port}/v2</c>.</summary>
    public Uri BaseUri { get; }

    public IKapiPublisher Publisher => app.Services.GetRequiredService<IKapiPublisher>();

    public IKapiSubscriber Subscriber => app.Services.GetRequiredService<IKapiSubscriber>();

    public SimulatorControl Simulator => app.Services.GetRequiredService<SimulatorControl>();

    /// <param name="rabbitMq">null: the in-process bus; else that broker, with the simulator on it too.</param>
    public static async Task<ActionHost> StartAsync(string databaseFile, string apiKey, string? rabbitMq)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        var zone = $"bench-actions-{Guid.NewGuid():N}"[..24];
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={databaseFile}",
            ["Bootstrap:ApiKey"] = apiKey,
            ["MediaServer:Simulator"] = "true",
            ["MediaServer:Hostname"] = zone,
            ["MediaServer:Zone"] = zone,
            ["Dial:Zone"] = zone,
        };
        if (rabbitMq is not null)
        {
            settings["Messaging:Provider"] = "rabbitmq";
            settings["ConnectionStrings:RabbitMq"] = rabbitMq;
            settings["RabbitMq:ClientName"] = "conferences-bench-actions";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddConferencesCore();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddMessaging(builder.Configuration);
        builder.Services.AddConferenceActions();
        builder.Services.AddLiveConferenceFeed();
        builder.AddEmbeddedMediaServer();
        builder.AddCrossbar();
        // the controllers live in the API assembly, not in this entry assembly
        builder.Services.AddControllers().AddApplicationPart(typeof(CrossbarResult).Assembly);
        var app = builder.Build();
        app.UseCrossbar();
        app.MapCrossbar();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new ActionHost(app, new Uri($"http://{address.Authority}/v2"));
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
