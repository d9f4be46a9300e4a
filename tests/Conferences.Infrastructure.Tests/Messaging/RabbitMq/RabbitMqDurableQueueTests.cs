namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// The durable queue kind (the webhook intake's, docs/webhooks.md): it outlives its subscriptions and keeps what is
/// published meanwhile, and of several subscriptions one at a time consumes it, in order.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqDurableQueueTests(RabbitMqBrokerFixture broker) : RabbitMqWireHarness(broker)
{
    [Fact]
    public async Task Durable_queue_keeps_messages_without_subscribers_and_has_one_active_consumer()
    {
        var name = $"conferences_webhooks.test-{NewId()}";
        var conference = NewId();
        var queue = KapiQueue.Durable(name, KapiExchange.Conference, [KapiRoutingKeys.Command(conference)]);
        try
        {
            var first = await Bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);
            await first.DisposeAsync();
            await PassiveDeclareAsync(name); // still there without a subscriber
            for (var i = 0; i < 10; i++)
            {
                await Bus.PublishAsync(KapiRoutingKeys.Command(conference), new JsonObject { ["Marker"] = i }, Ct);
            }

            var active = new DeliveryInbox();
            var standby = new DeliveryInbox();
            Track(await Bus.SubscribeAsync(queue, active.Handler, Ct));
            Track(await Bus.SubscribeAsync(queue, standby.Handler, Ct));
            for (var i = 10; i < 20; i++)
            {
                await Bus.PublishAsync(KapiRoutingKeys.Command(conference), new JsonObject { ["Marker"] = i }, Ct);
            }

            var taken = await active.TakeAsync(20);
            Assert.Equal(Enumerable.Range(0, 20), taken.Select(d => d.Message["Marker"]!.GetValue<int>()));
            await standby.AssertNothingAsync(TimeSpan.FromMilliseconds(300));
        }
        finally
        {
            await using var channel = await Raw.Connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
        }
    }
}
