using System.Collections.Concurrent;

namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// Queue semantics: an exclusive queue per subscriber (every media manager hears every search), a shared queue
/// consumed together (one media manager takes each dial), order, unsubscribing, failures (docs/amqp.md).
/// </summary>
public abstract class QueuesContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Exclusive_subscribers_each_receive_every_message()
    {
        var (managerA, managerB, crossbar) = (await ConnectAsync(), await ConnectAsync(), await ConnectAsync());
        var key = $"conference.discovery.{NewId()}";
        var a = await ListenAsync(managerA, key);
        var b = await ListenAsync(managerB, key);

        await crossbar.Publisher.PublishAsync(key, Probe("one"), Ct);
        await crossbar.Publisher.PublishAsync(key, Probe("two"), Ct);

        Assert.Equal(new[] { "one", "two" }, (await a.TakeAsync(2)).Select(MarkerOf));
        Assert.Equal(new[] { "one", "two" }, (await b.TakeAsync(2)).Select(MarkerOf));
    }

    [Fact]
    public async Task Shared_queue_delivers_each_message_to_exactly_one_subscriber()
    {
        var (managerA, managerB, crossbar) = (await ConnectAsync(), await ConnectAsync(), await ConnectAsync());
        var zone = NewId();
        var queue = KapiQueue.Shared($"ecallmgr_fs_conferences_shared_{zone}", KapiExchange.Conference, [KapiRoutingKeys.Dial(zone)]);
        var received = new ConcurrentBag<string>();
        KapiMessageHandler handler = (delivery, _) =>
        {
            received.Add(MarkerOf(delivery)!);
            return Task.CompletedTask;
        };
        await SubscribeAsync(managerA, queue, handler);
        await SubscribeAsync(managerB, queue, handler);

        for (var i = 0; i < 20; i++)
        {
            await crossbar.Publisher.PublishAsync(KapiRoutingKeys.Dial(zone), Probe($"dial {i}"), Ct);
        }

        await EventuallyAsync(() => received.Count >= 20, "every dial should be taken");
        await Task.Delay(Quiet);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"dial {i}").Order(), received.Order());
    }

    [Fact]
    public async Task Shared_queue_keeps_serving_when_one_subscriber_leaves()
    {
        var (managerA, managerB, crossbar) = (await ConnectAsync(), await ConnectAsync(), await ConnectAsync());
        var conference = NewId();
        var queue = KapiQueue.Shared($"conference_controller_{conference}", KapiExchange.Conference, [KapiRoutingKeys.Command(conference)]);
        var leaving = await SubscribeAsync(managerA, queue, (_, _) => Task.CompletedTask);
        var staying = await ListenAsync(managerB, queue);

        await leaving.DisposeAsync();
        await crossbar.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("after"), Ct);
        await crossbar.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("again"), Ct);

        Assert.Equal(new[] { "after", "again" }, (await staying.TakeAsync(2)).Select(MarkerOf));
    }

    [Fact]
    public async Task Messages_of_one_queue_arrive_in_publish_order()
    {
        var (consumer, publisher) = (await ConnectAsync(), await ConnectAsync());
        var conference = NewId();
        var inbox = await ListenAsync(consumer, KapiRoutingKeys.Command(conference));

        for (var i = 0; i < 200; i++)
        {
            await publisher.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe($"{i}"), Ct);
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"{i}"), (await inbox.TakeAsync(200)).Select(MarkerOf));
    }

    [Fact]
    public async Task Disposed_subscription_receives_nothing_more()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var count = 0;
        var subscription = await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(conference)), (_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        });
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("before"), Ct);
        await EventuallyAsync(() => Volatile.Read(ref count) == 1, "the first message should arrive");

        await subscription.DisposeAsync();
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("after"), Ct);

        await Task.Delay(Quiet);
        Assert.Equal(1, Volatile.Read(ref count));
    }

    [Fact]
    public async Task Handler_may_end_its_own_subscription()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var handled = new ConcurrentQueue<string>();
        IKapiSubscription? self = null;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        self = await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(conference)), async (delivery, _) =>
        {
            handled.Enqueue(MarkerOf(delivery)!);
            await self!.DisposeAsync(); // the last member was kicked: the conference's consumer stops
            ended.TrySetResult();
        });

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("kick"), Ct);
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("too late"), Ct);

        await Task.Delay(Quiet);
        Assert.Equal(["kick"], handled);
    }

    [Fact]
    public async Task Failing_handler_does_not_stop_its_subscription()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var inbox = new DeliveryInbox();
        await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(conference)), (delivery, ct) =>
            MarkerOf(delivery) == "poison" ? throw new InvalidOperationException("cannot handle") : inbox.Handler(delivery, ct));

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("poison"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("fine"), Ct);

        Assert.Equal("fine", MarkerOf(await inbox.NextAsync()));
    }

    [Fact]
    public async Task Publishing_does_not_wait_for_handlers()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(conference)), async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        });

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("slow"), Ct).WaitAsync(TimeSpan.FromSeconds(5));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("next"), Ct).WaitAsync(TimeSpan.FromSeconds(5));

        release.SetResult();
    }

    [Fact]
    public async Task Every_delivery_is_its_own_copy_of_the_message()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var first = new DeliveryInbox();
        await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(conference)), (delivery, ct) =>
        {
            delivery.Message["Marker"] = "changed by a subscriber";
            return first.Handler(delivery, ct);
        });
        var second = await ListenAsync(bus, KapiRoutingKeys.Command(conference));
        var message = Probe("original");

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), message, Ct);
        message["Marker"] = "changed by the publisher";

        Assert.Equal("changed by a subscriber", MarkerOf(await first.NextAsync()));
        var copy = await second.NextAsync();
        Assert.Equal("original", MarkerOf(copy));
        Assert.NotSame(message, copy.Message);
    }

    [Fact]
    public async Task Named_subscription_reports_its_queue_name_and_anonymous_ones_get_one()
    {
        var bus = await ConnectAsync();
        var name = $"named-{NewId()}";

        var named = await SubscribeAsync(bus, KapiQueue.Exclusive(KapiExchange.Targeted, [name], name), (_, _) => Task.CompletedTask);
        var anonymous = await SubscribeAsync(bus, KapiQueue.Exclusive(KapiRoutingKeys.Command(NewId())), (_, _) => Task.CompletedTask);

        Assert.Equal(name, named.QueueName);
        Assert.False(string.IsNullOrEmpty(anonymous.QueueName));
    }
}
