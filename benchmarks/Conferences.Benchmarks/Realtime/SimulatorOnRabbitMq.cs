using Conferences.Infrastructure.Messaging.RabbitMq;
using Conferences.MediaServer;
using Conferences.MediaServer.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Realtime;

/// <summary>The media-server simulator on RabbitMQ in this process (what the simulator worker runs), driven through its control surface.</summary>
internal sealed class SimulatorOnRabbitMq : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];

    private SimulatorOnRabbitMq(ServiceProvider provider) => this.provider = provider;

    public SimulatorControl Control => provider.GetRequiredService<SimulatorControl>();

    public static async Task<SimulatorOnRabbitMq> StartAsync(string rabbitMq)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["RabbitMq:ClientName"] = "conferences-bench-simulator",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddRabbitMqMessaging(configuration)
            .AddMediaServerSimulator(o =>
            {
                o.Hostname = $"bench-rt-{Guid.NewGuid():N}"[..17];
                o.AdvertiseInterval = TimeSpan.FromSeconds(1);
            });
        var host = new SimulatorOnRabbitMq(services.BuildServiceProvider());
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
