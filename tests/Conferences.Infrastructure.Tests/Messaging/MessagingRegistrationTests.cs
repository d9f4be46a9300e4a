using Conferences.Infrastructure.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Infrastructure.Tests.Messaging;

public sealed class MessagingRegistrationTests
{
    [Fact]
    public async Task In_process_messaging_registers_every_port_over_one_bus()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddInProcessMessaging(o => o.QueueCapacity = 10);
        await using var provider = services.BuildServiceProvider();

        var bus = provider.GetRequiredService<InProcessBus>();
        Assert.Same(bus, provider.GetRequiredService<IKapiPublisher>());
        Assert.Same(bus, provider.GetRequiredService<IKapiSubscriber>());
        Assert.Same(bus, provider.GetRequiredService<IMessageBusHealth>());
        Assert.Same(provider.GetRequiredService<MediaManagerDirectory>(), provider.GetRequiredService<IMediaManagerDirectory>());
        Assert.NotNull(provider.GetRequiredService<IKapiRequester>());
        Assert.NotNull(provider.GetRequiredService<MediaManagerDiscovery>());
        Assert.NotNull(provider.GetRequiredService<NodeAdvertiser>());
        Assert.Equal(10, provider.GetRequiredService<IOptions<InProcessBusOptions>>().Value.QueueCapacity);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is BusListenerHost<MediaManagerDirectory>);
        Assert.Contains(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations, r => r.Name == "bus");
    }

    [Fact]
    public async Task Directory_service_listens_to_heartbeats_once_the_host_starts()
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddInProcessMessaging();
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetServices<IHostedService>().OfType<BusListenerHost<MediaManagerDirectory>>().Single();

        await service.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<IKapiPublisher>().AdvertiseAsync(
            KapiNodes.Advertise(new("ecallmgr@sim", TimeSpan.FromSeconds(5), [KapiNodes.EcallmgrApp])), CancellationToken.None);

        var directory = provider.GetRequiredService<IMediaManagerDirectory>();
        for (var i = 0; i < 250 && directory.Managers.Count == 0; i++)
        {
            await Task.Delay(20);
        }
        Assert.Equal("ecallmgr@sim", Assert.Single(directory.Managers).Node);
        await service.StopAsync(CancellationToken.None);
    }
}
