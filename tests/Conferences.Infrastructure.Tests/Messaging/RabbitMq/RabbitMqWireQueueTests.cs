namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>What the bus takes from a plain AMQP client playing Kazoo (docs/amqp.md), and its queue kinds as Kazoo's.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqWireQueueTests(RabbitMqBrokerFixture broker) : RabbitMqWireHarness(broker)
{
    [Fact]
    public async Task Subscription_receives_what_a_kazoo_publisher_sends()
    {
        var (account, conference) = (NewId(), NewId());
        var inbox = new DeliveryInbox();
        Track(await Bus.SubscribeAsync(KapiRoutingKeys.Event("*", account, conference, "*"), inbox.Handler, Ct));
        var key = KapiRoutingKeys.Event("add-member", account, conference, "call-1");
        var sent = """{"Event-Category":"conference","Event-Name":"event","Event":"add-member","App-Name":"freeswitch","Msg-ID":"m1","Participant-ID":3}""";

        await Raw.PublishAsync("conference", key, Encoding.UTF8.GetBytes(sent));

        var delivery = await inbox.NextAsync();
        Assert.Equal(("conference", key), (delivery.Exchange, delivery.RoutingKey));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sent), delivery.Message));
    }

    [Fact]
    public async Task Body_that_is_not_a_json_object_is_dropped_and_consumption_goes_on()
    {
        var conference = NewId();
        var inbox = new DeliveryInbox();
        Track(await Bus.SubscribeAsync(KapiRoutingKeys.Command(conference), inbox.Handler, Ct));

        await Raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("not json"));
        await Raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("[1,2]"));
        await Raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("""{"Marker":"fine"}"""));

        Assert.Equal("fine", KazooJson.GetString((await inbox.NextAsync()).Message, "Marker"));
        await inbox.AssertNothingAsync(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Anonymous_queue_is_server_named_exclusive_and_deleted_with_its_subscription()
    {
        var subscription = await Bus.SubscribeAsync(KapiRoutingKeys.Command(NewId()), (_, _) => Task.CompletedTask, Ct);

        Assert.StartsWith("amq.gen-", subscription.QueueName, StringComparison.Ordinal);
        Assert.Equal(Constants.ResourceLocked, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(subscription.QueueName)));
        await subscription.DisposeAsync();
        Assert.Equal(Constants.NotFound, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(subscription.QueueName)));
    }

    [Fact]
    public async Task Shared_queue_is_non_exclusive_auto_delete_and_consumed_together_with_another_process()
    {
        var zone = NewId();
        var name = $"ecallmgr_fs_conferences_shared_{zone}";
        var count = 0;
        var subscription = await Bus.SubscribeAsync(KapiQueue.Shared(name, KapiExchange.Conference, [KapiRoutingKeys.Dial(zone)]), (_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }, Ct);
        // Another process declares it with the same flags (not exclusive, auto-delete, not durable, no arguments): no
        // PRECONDITION_FAILED, and the two consumers share the messages.
        var kazoo = await Raw.ListenAsync("conference", ExchangeType.Topic, name, exclusive: false, KapiRoutingKeys.Dial(zone));

        for (var i = 0; i < 10; i++)
        {
            await Bus.PublishAsync(KapiRoutingKeys.Dial(zone), new JsonObject { ["Marker"] = $"{i}" }, Ct);
        }

        await kazoo.NextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Volatile.Read(ref count) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.InRange(Volatile.Read(ref count), 1, 9);
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Shared_queue_is_deleted_with_its_last_subscriber()
    {
        var name = $"conference_controller_{NewId()}";
        var queue = KapiQueue.Shared(name, KapiExchange.Conference, [KapiRoutingKeys.Command(NewId())]);
        var first = await Bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);
        var second = await Bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);

        await first.DisposeAsync();
        await PassiveDeclareAsync(name); // still there
        await second.DisposeAsync();
        Assert.Equal(Constants.NotFound, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(name)));
    }
}
