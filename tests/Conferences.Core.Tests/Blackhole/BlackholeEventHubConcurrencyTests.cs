using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>The hub under concurrent joins and leaves: every subscription ends once the last member left, with no error.</summary>
public sealed class BlackholeEventHubConcurrencyTests
{
    // every subscribe yields before it returns, so joins and leaves interleave
    private readonly ObservedBus bus = new() { OnSubscribed = async _ => await Task.Yield() };
    private readonly BlackholeEventHub hub;

    public BlackholeEventHubConcurrencyTests() => hub = new BlackholeEventHub(bus, NullLogger<BlackholeEventHub>.Instance, NoLinger);

    [Fact]
    public async Task Concurrent_joins_and_leaves_of_one_key_end_with_no_subscription_and_no_error()
    {
        string[] keys = [AmqpC1, "conference.event.*." + FakeAuthenticator.Alice + ".c2.*", "conference.command.c1"];
        var received = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();
        var delivering = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var subscription in bus.Live)
                {
                    var routingKey = subscription.Queue.Bindings[0].Replace('*', 'x'); // a key its binding routes
                    await subscription.DeliverAsync(routingKey, Event("add-member", "stress"));
                }
                await Task.Yield();
            }
        });

        var workers = Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; round < 100; round++)
            {
                var key = keys[(worker + round) % keys.Length];
                var membership = await hub.JoinAsync(key, _ => received.AddOrUpdate(worker, 1, (_, n) => n + 1), CancellationToken.None);
                Assert.Contains(bus.Live, s => s.Queue.Bindings.Contains(QueueOf(key))); // joined ⇒ the key's queue is live
                if (round % 3 == 0)
                {
                    await Task.Yield();
                }
                await membership.DisposeAsync();
                await membership.DisposeAsync(); // a second dispose changes nothing
            }
        })).ToList();
        await Task.WhenAll(workers);
        await stop.CancelAsync();
        await delivering;

        Assert.Empty(bus.Live);
        Assert.Equal(0, hub.BindingCount);
        Assert.NotEmpty(bus.All);
    }

    [Fact]
    public async Task Many_sessions_subscribing_and_unsubscribing_concurrently_end_with_no_subscription()
    {
        var sessions = Enumerable.Range(0, 16).Select(_ => new SessionHarness(bus, hub: hub)).ToList();
        string[] bindings = ["conference.event.c1.*", "conference.event.*.c1.*", "conference.command.c1", "conference.event.c2.*"];

        await Task.WhenAll(sessions.Select((session, i) => Task.Run(async () =>
        {
            for (var round = 0; round < 40; round++)
            {
                var binding = bindings[(i + round) % bindings.Length];
                Success(await session.SubscribeAsync(FakeAuthenticator.Alice, binding));
                var routingKey = RoutingKey("add-member", "call-" + i);
                foreach (var live in bus.Live.Where(s => s.Queue.Bindings.Any(b => Routes(b, routingKey))))
                {
                    await live.DeliverAsync(routingKey, Event("add-member", "call-" + i));
                }
                if (round % 2 == 0)
                {
                    Success(await session.UnsubscribeAsync(FakeAuthenticator.Alice, binding));
                }
            }
        })));
        Assert.NotEmpty(bus.Live);
        await Task.WhenAll(sessions.Select(s => s.Session.DisposeAsync().AsTask()));

        Assert.Empty(bus.Live);
        Assert.Equal(0, hub.BindingCount);
        Assert.True(bus.All.Count >= 3);
        Assert.All(sessions, s => Assert.NotEmpty(s.Outbox.Events));
    }
}
