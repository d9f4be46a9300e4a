using Conferences.Infrastructure.Messaging.InProcess;
using Conferences.MediaServer.Control;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conferences.MediaServer.Tests;

/// <summary><c>AddMediaServerSimulator</c>: the simulator as a hosted service on the bus the host registered.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task The_registered_simulator_starts_with_the_host_and_answers_on_the_bus()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddInProcessMessaging()
            .AddMediaServerSimulator(o => o.Hostname = "hosted-sim");
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        var control = provider.GetRequiredService<SimulatorControl>();
        Assert.Same(provider.GetRequiredService<MediaServerSimulator>().Control, control);
        Assert.Equal("ecallmgr@hosted-sim", control.Identity.ManagerNode);
        Assert.Equal("freeswitch@hosted-sim", control.Identity.MediaNode);
        var conf = KazooIds.NewId();
        await control.AddParticipantAsync(new NewParticipant(conf, KazooIds.NewId()));

        // crossbar's side, as the API uses it: directory + discovery over the same bus
        var directory = provider.GetRequiredService<IMediaManagerDirectory>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (directory.Managers.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var search = KapiMessage.Build(KapiConference.SearchReq, new JsonObject { [KapiKeys.ConferenceId] = conf }, KapiSender.Crossbar("crossbar@test"));
        var found = await provider.GetRequiredService<MediaManagerDiscovery>().SearchAsync(search, CancellationToken.None);

        Assert.False(found.TimedOut);
        Assert.Equal(conf, KazooJson.GetString(Assert.Single(found.Replies), KapiKeys.ConferenceId));
        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Invalid_options_fail_validation()
    {
        var services = new ServiceCollection().AddLogging().AddInProcessMessaging().AddMediaServerSimulator(o => o.TimeScale = -1);
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<MediaServerSimulator>());
    }
}
