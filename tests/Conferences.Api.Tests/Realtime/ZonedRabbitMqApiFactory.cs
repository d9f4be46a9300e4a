using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The API on RabbitMQ with no simulator of its own, dialling into <paramref name="zone"/> — where the simulator worker
/// process of a test runs — and reconnecting quickly after a broker restart.
/// </summary>
public sealed class ZonedRabbitMqApiFactory(string brokerUrl, string zone) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Provider", "rabbitmq");
        builder.UseSetting("ConnectionStrings:RabbitMq", brokerUrl);
        builder.UseSetting("MediaServer:Simulator", "false");
        builder.UseSetting("Dial:Zone", zone);
        builder.UseSetting("RabbitMq:RecoveryInterval", "00:00:00.500");
        builder.UseSetting("RabbitMq:OperationTimeout", "00:00:10");
    }
}
