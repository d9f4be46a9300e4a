using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using Conferences.Infrastructure.Messaging.InProcess;
using Conferences.Infrastructure.Messaging.RabbitMq;
using Conferences.MediaServer;
using Conferences.MediaServer.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// The service's side of one bus, wired as the API wires it (<c>AddInProcessMessaging</c> or
/// <c>AddRabbitMqMessaging</c>, which bring the requester, the media-manager directory and discovery) plus one
/// media-server simulator on the same bus (<c>AddMediaServerSimulator</c>) hosting a conference, and a command
/// consumer on <c>conference_controller_{conf}</c> (the shared queue ecallmgr consumes a conference's commands
/// from, <c>kz_amqp_util</c>, docs/amqp.md) that only counts.
/// </summary>
public sealed class KapiBusHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];
    private IKapiSubscription? commands;
    private long consumed;

    private KapiBusHost(ServiceProvider provider) => this.provider = provider;

    public IKapiPublisher Publisher => provider.GetRequiredService<IKapiPublisher>();

    public IKapiRequester Requester => provider.GetRequiredService<IKapiRequester>();

    public MediaManagerDiscovery Discovery => provider.GetRequiredService<MediaManagerDiscovery>();

    public IMediaManagerDirectory Directory => provider.GetRequiredService<IMediaManagerDirectory>();

    public SimulatorControl Simulator => provider.GetRequiredService<SimulatorControl>();

    /// <summary>Commands the counting consumer has taken.</summary>
    public long Consumed => Interlocked.Read(ref consumed);

    /// <param name="rabbitMq">an AMQP URI for the RabbitMQ bus, null for the in-process bus.</param>
    public static async Task<KapiBusHost> StartAsync(string? rabbitMq, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        if (rabbitMq is null)
        {
            services.AddInProcessMessaging();
        }
        else
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:RabbitMq"] = rabbitMq,
                ["RabbitMq:ClientName"] = "conferences-bench",
            }).Build();
            services.AddRabbitMqMessaging(configuration);
        }
        services.AddMediaServerSimulator(o => o.Hostname = $"bench-{KazooIds.RandomHex(4)}");
        var host = new KapiBusHost(services.BuildServiceProvider());
        // the directory listens before the simulator's first heartbeat, as in the API (hosted services in order)
        foreach (var service in host.provider.GetServices<IHostedService>())
        {
            await service.StartAsync(ct).ConfigureAwait(false);
            host.started.Add(service);
        }
        return host;
    }

    /// <summary>Binds the counting consumer to <c>conference.command.{conferenceId}</c>.</summary>
    public async Task ConsumeCommandsAsync(string conferenceId, CancellationToken ct)
    {
        var queue = KapiQueue.Shared($"conference_controller_{conferenceId}", KapiExchange.Conference, [KapiRoutingKeys.Command(conferenceId)]);
        commands = await provider.GetRequiredService<IKapiSubscriber>().SubscribeAsync(queue, (_, _) =>
        {
            Interlocked.Increment(ref consumed);
            return Task.CompletedTask;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Waits until the directory counts the simulator (its first heartbeat arrived).</summary>
    public async Task WaitForManagersAsync(int atLeast, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.Managers.Count < atLeast)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the directory did not hear the simulator's heartbeat within 30 s");
            }
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (commands is not null)
        {
            await commands.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        await provider.DisposeAsync().ConfigureAwait(false);
    }
}
