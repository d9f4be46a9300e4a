using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>After the bus reconnects, a cursor from before the outage is answered with a snapshot: the events published
/// while the bus was down never reached the window (docs/websocket.md, "After a bus outage").</summary>
public sealed class BlackholeBusOutageTests
{
    private const string Binding = "conference.event.c1.*";

    [Fact]
    public async Task A_cursor_from_before_a_reconnect_gets_a_snapshot_and_one_from_after_it_a_replay()
    {
        var watcher = new SessionHarness();
        Success(await watcher.SubscribeAsync(Alice, Binding));
        var queue = watcher.Bus.For(StreamC1);
        await queue.DeliverAsync(RoutingKey("add-member", "a"), Event("add-member", "a"));
        await queue.DeliverAsync(RoutingKey("start-talking", "a"), Event("start-talking", "a"));
        var beforeOutage = (string)watcher.Outbox.Events[0]["cursor"]!;
        Assert.Equal(["event"], await ResumeAsync(watcher, beforeOutage)); // held: replayed, until the bus reconnects

        watcher.Hub.OnBusReconnected(this, EventArgs.Empty);
        await queue.DeliverAsync(RoutingKey("stop-talking", "a"), Event("stop-talking", "a"));
        await queue.DeliverAsync(RoutingKey("add-member", "b"), Event("add-member", "b"));
        var lastBeforeOutage = (string)watcher.Outbox.Events[1]["cursor"]!;
        var afterOutage = (string)watcher.Outbox.Events[2]["cursor"]!;

        Assert.Equal(["snapshot"], await ResumeAsync(watcher, beforeOutage));
        Assert.Equal(["snapshot"], await ResumeAsync(watcher, lastBeforeOutage));
        Assert.Equal(["event"], await ResumeAsync(watcher, afterOutage));
        Assert.Equal(4, watcher.Outbox.Events.Count); // the live socket itself kept its frames
    }

    [Fact]
    public async Task A_reconnect_before_any_event_leaves_later_cursors_replayable()
    {
        var watcher = new SessionHarness();
        watcher.Hub.OnBusReconnected(this, EventArgs.Empty);
        Success(await watcher.SubscribeAsync(Alice, Binding));
        var queue = watcher.Bus.For(StreamC1);
        await queue.DeliverAsync(RoutingKey("add-member", "a"), Event("add-member", "a"));
        await queue.DeliverAsync(RoutingKey("add-member", "b"), Event("add-member", "b"));

        Assert.Equal(["event"], await ResumeAsync(watcher, (string)watcher.Outbox.Events[0]["cursor"]!));
    }

    // The frames a second socket of the same process gets after its since-subscribe's reply.
    private static async Task<List<string?>> ResumeAsync(SessionHarness watcher, string since)
    {
        var joiner = new SessionHarness(watcher.Bus, hub: watcher.Hub);
        Success(await joiner.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["since"] = since }));
        var frames = joiner.Outbox.Frames.SkipWhile(f => (string?)f["action"] == "reply").Select(f => (string?)f["action"]).ToList();
        await joiner.Session.DisposeAsync();
        return frames;
    }
}
