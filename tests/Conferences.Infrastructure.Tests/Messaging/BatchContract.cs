using System.Collections.Concurrent;

namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// Batch subscriptions (the webhook intake's, docs/webhooks.md): what waited while a batch was handled is handed over
/// together, in order; a batch whose handler failed is dropped and the next one comes.
/// </summary>
public abstract class BatchContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task What_waits_while_a_batch_is_handled_comes_as_one_batch_in_order()
    {
        var client = await ConnectAsync();
        var key = KapiRoutingKeys.Command(NewId());
        var queue = KapiQueue.Shared($"batch-{NewId()}", KapiExchange.Conference, [key]);
        var batches = new ConcurrentQueue<string[]>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(await Batches(client).SubscribeBatchAsync(queue, 100, async (deliveries, _) =>
        {
            batches.Enqueue([.. deliveries.Select(d => MarkerOf(d) ?? string.Empty)]);
            first.TrySetResult();
            await release.Task;
        }, Ct));

        await client.Publisher.PublishAsync(key, Probe("0"), Ct);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
        for (var i = 1; i <= 10; i++)
        {
            await client.Publisher.PublishAsync(key, Probe($"{i}"), Ct);
        }
        await Task.Delay(Quiet); // the ten reach the subscription while the first batch is held
        release.SetResult();

        await EventuallyAsync(() => batches.Sum(b => b.Length) >= 11, "all eleven messages should be handled");
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"{i}"), batches.SelectMany(b => b));
        Assert.Equal(["0"], batches.First());
        Assert.Equal(2, batches.Count);
    }

    [Fact]
    public async Task A_failing_batch_is_dropped_and_the_next_one_comes()
    {
        var client = await ConnectAsync();
        var key = KapiRoutingKeys.Command(NewId());
        var queue = KapiQueue.Shared($"batch-{NewId()}", KapiExchange.Conference, [key]);
        var handled = new ConcurrentQueue<string>();
        Track(await Batches(client).SubscribeBatchAsync(queue, 100, (deliveries, _) =>
        {
            if (deliveries.Any(d => MarkerOf(d) == "fails"))
            {
                throw new InvalidOperationException("a broken batch");
            }
            foreach (var delivery in deliveries)
            {
                handled.Enqueue(MarkerOf(delivery) ?? string.Empty);
            }
            return Task.CompletedTask;
        }, Ct));

        await client.Publisher.PublishAsync(key, Probe("fails"), Ct);
        await Task.Delay(Quiet);
        await client.Publisher.PublishAsync(key, Probe("next"), Ct);

        await EventuallyAsync(() => handled.Contains("next"), "the batch after the failed one should be handled");
        Assert.Equal(["next"], handled);
    }

    private static IKapiBatchSubscriber Batches(BusClient client) => Assert.IsAssignableFrom<IKapiBatchSubscriber>(client.Subscriber);
}
