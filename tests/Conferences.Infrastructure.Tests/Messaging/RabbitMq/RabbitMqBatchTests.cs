namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// A batch is acknowledged only after its handler returned (docs/webhooks.md, "Delivery guarantees"): a handler that
/// never got its write done — a store that does not answer — leaves every message of the batch, and those waiting
/// behind it, to the next consumer of the durable queue, in order.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqBatchTests(RabbitMqBrokerFixture broker) : RabbitMqWireHarness(broker)
{
    [Fact]
    public async Task A_batch_whose_handler_did_not_return_is_not_acknowledged_and_the_next_consumer_gets_it()
    {
        var name = $"conferences_webhooks.test-{NewId()}";
        var key = KapiRoutingKeys.Command(NewId());
        var queue = KapiQueue.Durable(name, KapiExchange.Conference, [key]);
        try
        {
            var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var failing = await Bus.SubscribeBatchAsync(queue, 100, async (_, ct) =>
            {
                stuck.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // the write never commits; the subscription ends meanwhile
            }, Ct);
            var standby = new DeliveryInbox();
            Track(await Bus.SubscribeBatchAsync(queue, 100, async (deliveries, ct) =>
            {
                foreach (var delivery in deliveries)
                {
                    await standby.Handler(delivery, ct);
                }
            }, Ct));
            for (var i = 0; i < 5; i++)
            {
                await Bus.PublishAsync(key, new JsonObject { ["Marker"] = i }, Ct);
            }
            await stuck.Task.WaitAsync(TimeSpan.FromSeconds(5));
            await standby.AssertNothingAsync(TimeSpan.FromMilliseconds(300)); // one active consumer: the stuck one

            await failing.DisposeAsync();

            var taken = await standby.TakeAsync(5);
            Assert.Equal(Enumerable.Range(0, 5), taken.Select(d => d.Message["Marker"]!.GetValue<int>()));
        }
        finally
        {
            await using var channel = await Raw.Connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
        }
    }
}
