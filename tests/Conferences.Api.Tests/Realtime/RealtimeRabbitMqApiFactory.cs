using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The API with <c>Messaging:Provider=rabbitmq</c> on <paramref name="brokerUrl"/> and no simulator of its own (the
/// simulator runs in a host of its own, as the worker does). Instances given the same <paramref name="databasePath"/>
/// share the store, as several API instances share CouchDB: same accounts, same tokens.
/// </summary>
public sealed class RealtimeRabbitMqApiFactory(string brokerUrl, string databasePath) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databasePath}");
        builder.UseSetting("Messaging:Provider", "rabbitmq");
        builder.UseSetting("ConnectionStrings:RabbitMq", brokerUrl);
        builder.UseSetting("RabbitMq:RecoveryInterval", "00:00:00.500");
        builder.UseSetting("RabbitMq:ClientName", "conferences-realtime-tests");
        builder.UseSetting("MediaServer:Simulator", "false");
    }
}
