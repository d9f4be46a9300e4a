namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>crossbar's side on RabbitMQ (a bus and a warmed-up requester) and plain AMQP clients playing ecallmgr.</summary>
public abstract class RabbitMqDiscoveryHarness(RabbitMqBrokerFixture broker) : RabbitMqBusHarness(broker)
{
    protected KapiRequester Requester { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Requester = new KapiRequester(Bus, Bus, TimeProvider.System, NullLogger<KapiRequester>.Instance);
        // Connected, reply queue declared and a publish confirmed before any clock runs: the timings below are the
        // collection's, not those of a first connection to a broker that may have booted a moment ago.
        Assert.True((await Bus.CheckHealthAsync(Ct)).Healthy);
        await Requester.CallAsync(new KapiRequest($"conference.warm-up.{KazooIds.NewId()}", Probe("warm-up")), _ => true, TimeSpan.FromMilliseconds(1), Ct);
    }

    public override async Task DisposeAsync()
    {
        await Requester.DisposeAsync();
        await base.DisposeAsync();
    }

    protected async Task<RawAmqp> RawAsync()
    {
        var manager = await RawAmqp.ConnectAsync(Broker.Url);
        Track(manager);
        return manager;
    }

    protected static JsonObject Probe(string marker) => new()
    {
        ["Event-Category"] = "conference", ["Event-Name"] = "command", ["Application-Name"] = "dial", ["Marker"] = marker,
    };
}
