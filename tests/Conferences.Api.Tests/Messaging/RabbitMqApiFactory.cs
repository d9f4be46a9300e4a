using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Messaging;

/// <summary>
/// The service with <c>Messaging:Provider=rabbitmq</c> (docs/operations.md) on the broker that <c>./build.sh test</c> starts
/// and names in <c>CONFERENCES_TEST_RABBITMQ</c>, or on the <see cref="Broker"/> a subclass names.
/// </summary>
public class RabbitMqApiFactory : ApiFactory
{
    public const string BrokerVariable = "CONFERENCES_TEST_RABBITMQ";

    /// <summary>The test broker's URL; the tests fail (never skip) without it.</summary>
    public static string TestBroker => Environment.GetEnvironmentVariable(BrokerVariable) is { Length: > 0 } url
        ? url.Trim()
        : throw new InvalidOperationException(
            $"{BrokerVariable} is not set: run the tests with ./build.sh test, or start a broker with tools/rabbitmq-test-broker.sh start 25672 and export {BrokerVariable}=amqp://guest:guest@127.0.0.1:25672/");

    /// <summary><c>ConnectionStrings:RabbitMq</c>.</summary>
    protected virtual string Broker => TestBroker;

    /// <summary>
    /// A media zone of this factory's own (its dials and, when it hosts one, its simulator): test classes share one
    /// broker, and dials of one zone go to one shared queue, so a common zone would let another class's simulator take
    /// this one's dials and leave with its conference.
    /// </summary>
    public string Zone { get; } = $"t{Guid.NewGuid():N}"[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Provider", "rabbitmq");
        builder.UseSetting("ConnectionStrings:RabbitMq", Broker);
        builder.UseSetting("Dial:Zone", Zone);
        builder.UseSetting("MediaServer:Zone", Zone);
    }
}
