using Conferences.Infrastructure.Tests.Messaging.InProcess;

namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// What only the embedded bus has, and where it differs from RabbitMQ (one fresh bus per test); the shared contract
/// suites run on it as the InProcess*Contract classes.
/// </summary>
public sealed class InProcessBusContractTests : MessageBusContract
{
    private readonly InProcessBus bus;

    public InProcessBusContractTests() : this(new InProcessBusSource())
    {
    }

    private InProcessBusContractTests(InProcessBusSource source) : base(source) => bus = source.Bus;

    [Fact]
    public async Task Shared_queue_takes_turns_between_its_subscribers()
    {
        var client = await ConnectAsync();
        var queue = KapiQueue.Shared($"shared-{NewId()}", KapiExchange.Conference, [KapiRoutingKeys.Dial()]);
        var first = await ListenAsync(client, queue);
        var second = await ListenAsync(client, queue);

        for (var i = 0; i < 6; i++)
        {
            await bus.PublishAsync(KapiRoutingKeys.Dial(), Probe($"{i}"), Ct);
        }

        Assert.Equal(new[] { "0", "2", "4" }, (await first.TakeAsync(3)).Select(MarkerOf));
        Assert.Equal(new[] { "1", "3", "5" }, (await second.TakeAsync(3)).Select(MarkerOf));
    }

    [Fact]
    public async Task Messages_a_leaving_subscriber_had_not_handled_go_to_the_others()
    {
        var client = await ConnectAsync();
        var queue = KapiQueue.Shared($"shared-{NewId()}", KapiExchange.Conference, [KapiRoutingKeys.Dial()]);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaving = await SubscribeAsync(client, queue, async (_, _) =>
        {
            busy.TrySetResult();
            await release.Task;
        });
        var staying = await ListenAsync(client, queue);

        for (var i = 0; i < 4; i++)
        {
            await bus.PublishAsync(KapiRoutingKeys.Dial(), Probe($"{i}"), Ct); // 0 and 2 to the leaving one
        }
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var disposing = leaving.DisposeAsync().AsTask();
        release.SetResult();
        await disposing;

        Assert.Equal(new[] { "1", "2", "3" }, (await staying.TakeAsync(3)).Select(MarkerOf).Order());
        await staying.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Exclusive_queue_name_cannot_be_taken_twice()
    {
        var client = await ConnectAsync();
        var queue = KapiQueue.Exclusive(KapiExchange.Targeted, ["reply"], "reply");
        await SubscribeAsync(client, queue, (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            bus.SubscribeAsync(KapiQueue.Shared("reply", KapiExchange.Targeted, ["reply"]), (_, _) => Task.CompletedTask, Ct));
    }

    [Fact]
    public async Task Exchange_keeps_its_type()
    {
        await bus.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("declares conference as topic"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            bus.PublishAsync(new KapiExchange(KapiRoutingKeys.ConferenceExchange, KapiExchangeType.Direct), "x", Probe("x"), Ct));
    }

    [Fact]
    public async Task Full_queue_makes_the_publisher_wait_for_room()
    {
        await using var small = InProcessBusSource.NewBus(capacity: 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await small.SubscribeAsync(KapiQueue.Exclusive(KapiRoutingKeys.AllEvents), async (_, _) =>
        {
            handling.TrySetResult();
            await release.Task;
        }, Ct);
        var key = KapiRoutingKeys.Event("lock", NewId(), NewId());

        await small.PublishAsync(key, Probe("being handled"), Ct);
        await handling.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await small.PublishAsync(key, Probe("fills the queue"), Ct);
        var waiting = small.PublishAsync(key, Probe("waits"), Ct);

        await Task.Delay(Quiet);
        Assert.False(waiting.IsCompleted);
        release.SetResult();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Routing_stays_exact_while_queues_come_and_go_concurrently()
    {
        var client = await ConnectAsync();
        var (account, conference) = (NewId(), NewId());
        var key = KapiRoutingKeys.Event("add-member", account, conference, "call");
        string[] patterns = [key, KapiRoutingKeys.Event("*", account, conference, "*"), "conference.event.#", "#", $"conference.#.{conference}.#"];
        using var publishing = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            while (!publishing.IsCancellationRequested)
            {
                await bus.PublishAsync(key, Probe("churn"), Ct);
            }
        });
        var churners = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                var queue = KapiQueue.Exclusive(KapiExchange.Conference, [patterns[(worker + i) % patterns.Length], patterns[i % patterns.Length]]);
                await using var subscription = await bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);
            }
        }));
        await Task.WhenAll(churners);
        await publishing.CancelAsync();
        await publisher;

        var inboxes = new List<DeliveryInbox>();
        foreach (var pattern in patterns)
        {
            inboxes.Add(await ListenAsync(client, KapiQueue.Exclusive(KapiExchange.Conference, [pattern, key])));
        }
        await bus.PublishAsync(key, Probe("final"), Ct);

        foreach (var inbox in inboxes)
        {
            Assert.Equal("final", MarkerOf(await inbox.NextAsync()));
        }
        await Task.Delay(Quiet);
        Assert.All(inboxes, inbox => Assert.Empty(inbox.Drain())); // each queue once, though both its bindings match
        Assert.Equal($"in-process bus, {patterns.Length} queues", (await bus.CheckHealthAsync(Ct)).Description);
    }

    [Fact]
    public async Task Health_names_the_inprocess_provider()
    {
        Assert.Equal(InProcessBus.ProviderName, (await bus.CheckHealthAsync(Ct)).Provider);
    }

    [Fact]
    public async Task Message_is_serialised_when_published()
    {
        var client = await ConnectAsync();
        var inbox = await ListenAsync(client, KapiRoutingKeys.AllEvents);
        var message = new JsonObject { ["Marker"] = "nested", ["Conference-Channel-Vars"] = new JsonObject { ["Speak"] = true } };

        await bus.PublishAsync(KapiRoutingKeys.Event("mute-member", NewId(), NewId(), "call"), message, Ct);
        ((JsonObject)message["Conference-Channel-Vars"]!)["Speak"] = false;

        var delivered = (await inbox.NextAsync()).Message;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Marker":"nested","Conference-Channel-Vars":{"Speak":true}}"""), delivered));
    }
}
