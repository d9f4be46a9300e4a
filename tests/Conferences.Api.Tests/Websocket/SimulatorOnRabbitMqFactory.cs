using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// The service on RabbitMQ (<c>Messaging:Provider=rabbitmq</c>) with the built-in simulator switched on
/// (<c>MediaServer:Simulator=true</c>), against the broker of <c>CONFERENCES_TEST_RABBITMQ</c> (./build.sh test starts
/// one) or the one a subclass names.
/// </summary>
public class SimulatorOnRabbitMqFactory : ApiFactory
{
    public const string BrokerVariable = "CONFERENCES_TEST_RABBITMQ";

    protected virtual string BrokerUrl => Environment.GetEnvironmentVariable(BrokerVariable) is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException(
            $"{BrokerVariable} is not set: run the tests with ./build.sh test, or start a broker with tools/rabbitmq-test-broker.sh start 25672 and export {BrokerVariable}=amqp://guest:guest@127.0.0.1:25672/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Provider", "rabbitmq");
        builder.UseSetting("ConnectionStrings:RabbitMq", BrokerUrl);
        builder.UseSetting("MediaServer:Simulator", "true");
        // a zone of its own: test classes share the broker, and a zone's dials share one queue
        var zone = $"w{Guid.NewGuid():N}"[..12];
        builder.UseSetting("Dial:Zone", zone);
        builder.UseSetting("MediaServer:Zone", zone);
        builder.UseSetting("RabbitMq:RecoveryInterval", "00:00:00.500");
        // a loaded test machine (a broker booting beside it) can take more than the default 2 s to declare a queue
        builder.UseSetting("RabbitMq:OperationTimeout", "00:00:10");
    }
}

/// <summary>The scenario of <see cref="ConferenceEventTests{TFactory}"/> on RabbitMQ.</summary>
public sealed class ConferenceEventTestsOnRabbitMq(SimulatorOnRabbitMqFactory api) : ConferenceEventTests<SimulatorOnRabbitMqFactory>(api);
