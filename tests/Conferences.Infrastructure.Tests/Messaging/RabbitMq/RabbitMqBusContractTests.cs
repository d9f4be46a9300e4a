namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// What the in-process bus checks of its own where RabbitMQ must agree with it, on a real RabbitMQ (every client its own
/// connection); the shared contract suites run on it as the RabbitMq*Contract classes.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqBusContractTests(RabbitMqBrokerFixture broker) : MessageBusContract(new RabbitMqBusSource(broker))
{
    [Fact]
    public async Task Messages_a_leaving_subscriber_had_not_handled_go_to_the_others()
    {
        var (leavingClient, stayingClient, publisher) = (await ConnectAsync(), await ConnectAsync(), await ConnectAsync());
        var queue = KapiQueue.Shared($"shared-{NewId()}", KapiExchange.Conference, [KapiRoutingKeys.Dial(NewId())]);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaving = await SubscribeAsync(leavingClient, queue, async (_, _) =>
        {
            busy.TrySetResult();
            await release.Task;
        });
        var staying = new DeliveryInbox();
        await SubscribeAsync(stayingClient, queue, staying.Handler);

        for (var i = 0; i < 4; i++)
        {
            await publisher.Publisher.PublishAsync(queue.Bindings[0], Probe($"{i}"), Ct);
        }
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var disposing = leaving.DisposeAsync().AsTask();
        release.SetResult();
        await disposing;

        // The one being handled is done; what the leaving consumer held unhandled is redelivered to the other.
        var received = (await staying.TakeAsync(3)).Select(MarkerOf).Order().ToList();
        Assert.Equal(3, received.Count);
        await staying.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Exclusive_queue_name_cannot_be_taken_twice()
    {
        var (client, other) = (await ConnectAsync(), await ConnectAsync());
        var name = $"reply-{NewId()}";
        var queue = KapiQueue.Exclusive(KapiExchange.Targeted, [name], name);
        await SubscribeAsync(client, queue, (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Subscriber.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.Subscriber.SubscribeAsync(KapiQueue.Shared(name, KapiExchange.Targeted, [name]), (_, _) => Task.CompletedTask, Ct));
        // Another connection meets the broker's RESOURCE_LOCKED.
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.Subscriber.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct));
        // The refused subscriptions left the bus working.
        await SubscribeAsync(other, KapiQueue.Exclusive(KapiRoutingKeys.Command(NewId())), (_, _) => Task.CompletedTask);
    }

    [Fact]
    public async Task Exchange_keeps_its_type()
    {
        var client = await ConnectAsync();
        await using var raw = await RawAmqp.ConnectAsync(broker.Url);
        var name = $"fanout-{NewId()}";
        await raw.DeclareKazooExchangeAsync(name, ExchangeType.Fanout);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.Publisher.PublishAsync(new KapiExchange(KapiRoutingKeys.ConferenceExchange, KapiExchangeType.Direct), "x", Probe("x"), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.Publisher.PublishAsync(new KapiExchange(name, KapiExchangeType.Topic), "x", Probe("x"), Ct));
        await client.Publisher.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("still publishing"), Ct);
    }

    [Fact]
    public async Task Health_names_the_broker_without_its_password()
    {
        var health = await (await ConnectAsync()).Health.CheckHealthAsync(Ct);

        Assert.Equal(RabbitMqBus.ProviderName, health.Provider);
        Assert.Contains("127.0.0.1", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("guest", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_is_serialised_when_published()
    {
        var client = await ConnectAsync();
        var (account, conference) = (NewId(), NewId());
        var inbox = await ListenAsync(client, KapiRoutingKeys.Event("*", account, conference, "*"));
        var message = new JsonObject { ["Marker"] = "nested", ["Conference-Channel-Vars"] = new JsonObject { ["Speak"] = true } };

        var publishing = client.Publisher.PublishAsync(KapiRoutingKeys.Event("mute-member", account, conference, "call"), message, Ct);
        ((JsonObject)message["Conference-Channel-Vars"]!)["Speak"] = false;
        await publishing;

        var delivered = (await inbox.NextAsync()).Message;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Marker":"nested","Conference-Channel-Vars":{"Speak":true}}"""), delivered));
    }
}
