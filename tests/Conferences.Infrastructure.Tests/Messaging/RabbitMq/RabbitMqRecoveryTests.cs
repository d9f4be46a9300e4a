namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// The broker goes away under running buses and comes back (issue 5): while it is away every call fails at once
/// with <see cref="BusUnavailableException"/>; once it is back the same bus objects publish again, their
/// subscriptions — anonymous, named and shared queues — receive again, and requests are answered, with no restart.
/// Nothing waits unbounded: every step runs under a deadline.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRecoveryTests(PrivateRabbitMqBroker broker, ITestOutputHelper output) : RabbitMqFailureHarness(output), IClassFixture<PrivateRabbitMqBroker>
{
    private static readonly TimeSpan BrokerStep = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Broker_restart_in_the_middle_of_a_conversation_is_survived()
    {
        var (crossbar, ecallmgr) = (Bus(), Bus());
        var (account, conference, zone) = (NewId(), NewId(), NewId());
        var events = new DeliveryInbox();
        var eventsSubscription = Track(await crossbar.SubscribeAsync(KapiRoutingKeys.Event("*", account, conference, "*"), events.Handler, Ct));
        var anonymousBefore = eventsSubscription.QueueName;
        var dials = 0;
        Track(await ecallmgr.SubscribeAsync(KapiQueue.Shared($"ecallmgr_fs_conferences_shared_{zone}", KapiExchange.Conference, [KapiRoutingKeys.Dial(zone)]),
            async (delivery, ct) =>
            {
                Interlocked.Increment(ref dials);
                await ecallmgr.ReplyAsync(KazooJson.GetString(delivery.Message, KapiHeaders.ServerId)!, Answer(delivery.Message), ct);
            }, Ct));
        var requester = Track(new KapiRequester(crossbar, crossbar, TimeProvider.System, NullLogger<KapiRequester>.Instance));
        await ConverseAsync(ecallmgr, requester, events, account, conference, zone, "before");

        var restart = Stopwatch.StartNew();
        await broker.RestartAsync().WaitAsync(BrokerStep);
        Output.WriteLine($"broker restarted in {restart.Elapsed.TotalSeconds:0.0} s");
        await RecoveredAsync(crossbar, ecallmgr);
        Output.WriteLine($"buses recovered {restart.Elapsed.TotalSeconds:0.0} s after the restart began");

        await ConverseAsync(ecallmgr, requester, events, account, conference, zone, "after");
        Assert.StartsWith("amq.gen-", eventsSubscription.QueueName, StringComparison.Ordinal);
        Output.WriteLine($"anonymous queue {anonymousBefore} came back as {eventsSubscription.QueueName}");
        Assert.Equal(2, Volatile.Read(ref dials));
    }

    [Fact]
    public async Task Broker_down_fails_fast_and_the_same_bus_works_when_it_is_back()
    {
        var (crossbar, ecallmgr) = (Bus(), Bus());
        var conference = NewId();
        var commands = new DeliveryInbox();
        Track(await ecallmgr.SubscribeAsync(KapiRoutingKeys.Command(conference), commands.Handler, Ct));
        await crossbar.PublishAsync(KapiRoutingKeys.Command(conference), Probe("before"), Ct);
        Assert.Equal("before", Marker(await commands.NextAsync()));

        await broker.StopAsync().WaitAsync(BrokerStep);
        try
        {
            await DownAsync(crossbar, "the broker stopped");
            // An ended subscription stays ended: its queue must not come back with the connection.
            var ended = await Assert.ThrowsAsync<BusUnavailableException>(() => ecallmgr.SubscribeAsync(KapiRoutingKeys.Command(NewId()), (_, _) => Task.CompletedTask, Ct));
            Output.WriteLine($"subscribe while down: {ended.Message}");
        }
        finally
        {
            await broker.StartAsync().WaitAsync(BrokerStep);
        }
        await RecoveredAsync(crossbar, ecallmgr);

        await crossbar.PublishAsync(KapiRoutingKeys.Command(conference), Probe("after"), Ct).WaitAsync(Step);
        Assert.Equal("after", Marker(await commands.NextAsync()));
    }

    [Fact]
    public async Task Hung_broker_fails_within_the_operation_timeout_and_the_bus_goes_on_when_it_answers_again()
    {
        var bus = Bus();
        var conference = NewId();
        var commands = new DeliveryInbox();
        Track(await bus.SubscribeAsync(KapiRoutingKeys.Command(conference), commands.Handler, Ct));
        await bus.PublishAsync(KapiRoutingKeys.Command(conference), Probe("before"), Ct);
        Assert.Equal("before", Marker(await commands.NextAsync()));

        await broker.FreezeAsync();
        TimeSpan publish, subscribe;
        try
        {
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAsync<BusUnavailableException>(() => bus.PublishAsync(KapiRoutingKeys.Command(conference), Probe("unconfirmed"), Ct).WaitAsync(Step));
            publish = watch.Elapsed;
            watch.Restart();
            await Assert.ThrowsAsync<BusUnavailableException>(() => bus.SubscribeAsync(KapiRoutingKeys.Command(NewId()), (_, _) => Task.CompletedTask, Ct).WaitAsync(Step));
            subscribe = watch.Elapsed;
        }
        finally
        {
            await broker.ThawAsync();
        }

        Output.WriteLine($"hung broker: publish failed after {publish.TotalMilliseconds:0} ms, subscribe after {subscribe.TotalMilliseconds:0} ms");
        // the operation timeout (2 s) and room for a loaded machine; a hung call would wait for the step's bound
        var budget = new Conferences.Infrastructure.Messaging.RabbitMq.RabbitMqOptions().OperationTimeout + TimeSpan.FromMilliseconds(1500);
        Assert.True(publish < budget && subscribe < budget, $"publish {publish}, subscribe {subscribe}");
        await bus.PublishAsync(KapiRoutingKeys.Command(conference), Probe("after"), Ct).WaitAsync(Step);
        var received = new List<string?> { Marker(await commands.NextAsync()) };
        if (received[0] == "unconfirmed")
        {
            received.Add(Marker(await commands.NextAsync())); // the broker took it after all, once it answered again
        }
        Assert.Equal("after", received[^1]);
    }

    /// <summary>One exchange of every kind: an event to an anonymous queue, a dial on a shared queue answered on the named reply queue.</summary>
    private async Task ConverseAsync(RabbitMqBus ecallmgr, KapiRequester requester, DeliveryInbox events, string account, string conference, string zone, string marker)
    {
        await ecallmgr.PublishAsync(KapiRoutingKeys.Event("add-member", account, conference, "call-1"), Probe(marker), Ct).WaitAsync(Step);
        Assert.Equal(marker, Marker(await events.NextAsync()));
        var dial = await requester.CallAsync(new KapiRequest(KapiRoutingKeys.Dial(zone), Probe(marker)), _ => true, TimeSpan.FromSeconds(5), Ct).WaitAsync(Step);
        Assert.False(dial.TimedOut, $"the dial {marker} the restart was not answered");
    }

    private static async Task RecoveredAsync(params RabbitMqBus[] buses)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var bus in buses)
        {
            while (!(await bus.CheckHealthAsync(Ct).WaitAsync(Step)).Healthy)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the bus did not recover within 60 s of the broker's return");
                await Task.Delay(100);
            }
        }
    }

    private RabbitMqBus Bus() => Track(RabbitMqBrokerFixture.Bus(broker.Url));

    private static JsonObject Answer(JsonObject request) => new()
    {
        [KapiHeaders.EventCategory] = "conference", [KapiHeaders.EventName] = "command", [KapiHeaders.MsgId] = KazooJson.GetString(request, KapiHeaders.MsgId),
        ["Marker"] = KazooJson.GetString(request, "Marker"),
    };
}
