using Microsoft.Extensions.Time.Testing;
using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>
/// The seam between replay (or snapshot) and live events while events keep arriving, and the window's expiry (on a fake
/// clock the test moves, so a slow machine cannot let the expiry pass before the test is ready for it).
/// </summary>
public sealed class BlackholeReplaySeamTests
{
    private const string Binding = "conference.event.c1.*";
    private readonly ObservedBus bus = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Events_arriving_while_a_since_subscribe_is_answered_are_sent_once_each_in_order(bool snapshot)
    {
        var watcher = new SessionHarness(bus, replay: new BlackholeReplayOptions { Events = 10_000 });
        Success(await watcher.SubscribeAsync(Alice, Binding));
        for (var i = 0; i < 20; i++)
        {
            await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", $"before-{i}"), Event("add-member", $"before-{i}"));
        }
        for (var round = 0; round < 30; round++)
        {
            var since = (string)watcher.Outbox.Events[^10]["cursor"]!; // held: the window is larger than a round's events
            var joiner = new SessionHarness(bus, hub: watcher.Hub);
            using var stop = new CancellationTokenSource();
            var delivering = Task.Run(async () =>
            {
                for (var i = 0; (!stop.IsCancellationRequested || i < 50) && i < 5_000; i++)
                {
                    await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", $"r{round}-{i}"), Event("add-member", $"r{round}-{i}"));
                    if (i % 7 == 0)
                    {
                        await Task.Yield();
                    }
                }
            });
            await Task.Delay(round % 3);
            var data = new JsonObject { ["binding"] = Binding, ["since"] = since };
            if (snapshot)
            {
                data["snapshot"] = true;
            }
            Success(await joiner.SubscribeAsync(Alice, data));
            await stop.CancelAsync();
            await delivering;

            var frames = joiner.Outbox.Frames.Skip(1).ToList(); // after the reply
            var after = snapshot ? Sequence((string?)frames[0]["cursor"]) : Sequence(since);
            var expected = watcher.Outbox.Events.Select(f => (string)f["cursor"]!).Where(c => Sequence(c) > after).ToList();
            Assert.Equal(expected, frames.Where(f => (string?)f["action"] == "event").Select(f => (string)f["cursor"]!));
            Assert.Equal(snapshot ? 1 : 0, frames.Count(f => (string?)f["action"] == "snapshot"));
            await joiner.Session.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_conferences_queue_and_window_outlive_its_last_socket_for_the_idle_expiry_only()
    {
        var clock = new FakeTimeProvider();
        var expiry = TimeSpan.FromMilliseconds(200);
        var session = new SessionHarness(bus, replay: new BlackholeReplayOptions { IdleExpiry = expiry }, clock: clock);
        Success(await session.SubscribeAsync(Alice, Binding));
        var queue = bus.For(StreamC1);

        await session.Session.DisposeAsync();
        Assert.False(queue.Ended); // kept for a client that reconnects
        Assert.Equal(1, session.Hub.BindingCount);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!queue.Ended && DateTime.UtcNow < deadline)
        {
            clock.Advance(expiry);
            await Task.Delay(20);
        }

        Assert.True(queue.Ended);
        Assert.Equal(0, session.Hub.BindingCount);
    }

    [Fact]
    public async Task A_socket_joining_a_kept_conference_keeps_its_queue_past_the_expiry()
    {
        var clock = new FakeTimeProvider();
        var first = new SessionHarness(bus, replay: new BlackholeReplayOptions { IdleExpiry = TimeSpan.FromMilliseconds(100) }, clock: clock);
        Success(await first.SubscribeAsync(Alice, Binding));
        await first.Session.DisposeAsync();
        var second = new SessionHarness(bus, hub: first.Hub);
        Success(await second.SubscribeAsync(Alice, Binding));

        clock.Advance(TimeSpan.FromMilliseconds(400));
        await Task.Delay(400); // time for an expiry that wrongly ends the queue to do so
        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "later"), Event("add-member", "later"));

        Assert.Single(bus.All);
        Assert.Equal("later", (string?)Assert.Single(second.Outbox.Events)["data"]!["call_id"]);
    }

    private static long Sequence(string? cursor)
    {
        Assert.True(BlackholeCursor.TryParse(cursor, out var parsed), cursor);
        return parsed.Sequence;
    }
}
