namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// The broker of the RabbitMQ tests: the one named by <c>CONFERENCES_TEST_RABBITMQ</c> (started by build.sh), or,
/// when the variable is absent, one this fixture starts through tools/rabbitmq-test-broker.sh and stops afterwards.
/// A broker that cannot be had fails the tests with the reason; they are never skipped.
/// </summary>
public sealed class RabbitMqBrokerFixture : IAsyncLifetime
{
    public const string Variable = TestServers.BrokerVariable;

    private int? startedPort;

    /// <summary>e.g. <c>amqp://guest:guest@127.0.0.1:25672/</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var port = LoopbackPorts.ForRabbitMqNode();
            await TestBroker.StartAsync(port);
            startedPort = port;
            configured = TestServers.AmqpUrl(port);
        }
        Url = configured.Trim();
        try
        {
            // One round trip through a queue, so a broker that booted a moment ago has settled before timed tests run.
            await using var probe = await RawAmqp.ConnectAsync(Url);
            var inbox = await probe.ListenAsync("conference", ExchangeType.Topic, "conference.warm-up");
            await probe.PublishAsync("conference", "conference.warm-up", "{}"u8.ToArray());
            await inbox.NextAsync();
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException
            or RabbitMQ.Client.Exceptions.OperationInterruptedException or TimeoutException or UriFormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{Variable}={Url} does not accept an AMQP connection ({exception.Message}); start one with tools/rabbitmq-test-broker.sh start PORT", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (startedPort is { } port)
        {
            await TestBroker.StopAsync(port);
        }
    }

    /// <summary>A bus on this broker with the tests' quick recovery; the caller disposes it.</summary>
    public RabbitMqBus NewBus(Action<RabbitMqOptions>? configure = null) => Bus(Url, configure);

    public static RabbitMqBus Bus(string url, Action<RabbitMqOptions>? configure = null)
    {
        var options = new RabbitMqOptions { ConnectionString = url, ClientName = "conferences-tests", RecoveryInterval = TimeSpan.FromMilliseconds(500) };
        configure?.Invoke(options);
        return new RabbitMqBus(Options.Create(options), TimeProvider.System, NullLogger<RabbitMqBus>.Instance);
    }

    /// <summary>A bus whose broker is not there: nobody listens on its port.</summary>
    public static RabbitMqBus Unreachable() => Bus(TestServers.AmqpUrl(LoopbackPorts.Unused()));
}

[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBrokerFixture>
{
    public const string Name = "RabbitMQ broker";
}
