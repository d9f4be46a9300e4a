using Conferences.Infrastructure.Messaging.RabbitMq;
using Conferences.MediaServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The media-server simulator on RabbitMQ in a service provider of its own (what the simulator worker runs), with a
/// 1 s heartbeat so that the API's directory counts it again quickly after a broker restart.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];

    private SimulatorHost(ServiceProvider provider, string zone)
    {
        this.provider = provider;
        Zone = zone;
    }

    public SimulatorControl Control => provider.GetRequiredService<SimulatorControl>();

    /// <summary>Its zone (and host name), of its own: dials of other test classes on the shared broker never reach it.</summary>
    public string Zone { get; }

    /// <param name="configure">more services for the simulator's provider (e.g. telemetry), added last.</param>
    public static async Task<SimulatorHost> StartAsync(string brokerUrl, Action<IServiceCollection>? configure = null)
    {
        var zone = $"rt-sim-{Guid.NewGuid():N}"[..16];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = brokerUrl })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddRabbitMqMessaging(configuration, o =>
            {
                o.RecoveryInterval = TimeSpan.FromMilliseconds(500);
                o.ClientName = "conferences-realtime-simulator";
            })
            .AddMediaServerSimulator(o =>
            {
                o.Hostname = zone;
                o.Zone = zone;
                o.AdvertiseInterval = TimeSpan.FromSeconds(1);
                o.AnswerDelay = TimeSpan.FromMilliseconds(10);
            });
        configure?.Invoke(services);
        var host = new SimulatorHost(services.BuildServiceProvider(), zone);
        foreach (var service in host.provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            host.started.Add(service);
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(CancellationToken.None);
        }
        await provider.DisposeAsync();
    }
}
