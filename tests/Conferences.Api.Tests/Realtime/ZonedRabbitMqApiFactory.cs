using Conferences.Api.Tests.Applied;
using Conferences.Tests.Time;
using Microsoft.AspNetCore.TestHost;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The API on RabbitMQ with no simulator of its own, dialling into <c>zone</c> — where the simulator worker process of
/// a test runs — and reconnecting quickly after a broker restart. Given <c>appliedClock</c>, <c>wait=applied</c> waits
/// long, on that clock.
/// </summary>
public sealed class ZonedRabbitMqApiFactory : ApiFactory
{
    private readonly TimeoutClock? appliedClock;

    public ZonedRabbitMqApiFactory(string brokerUrl, string zone, TimeoutClock? appliedClock = null)
    {
        this.appliedClock = appliedClock;
        Settings.RabbitMq(brokerUrl).Simulator(false).Set("Dial:Zone", zone).QuickRecovery();
        if (appliedClock is not null)
        {
            Settings.LongAppliedTimeout();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (appliedClock is not null)
        {
            builder.ConfigureTestServices(services => services.UseAppliedClock(appliedClock));
        }
    }
}
