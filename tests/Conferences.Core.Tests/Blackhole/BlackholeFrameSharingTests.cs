using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>An event is rendered once: sockets whose client binding renders the same head are handed the same frame,
/// and a frame is exactly the head and the event's tail (cursor included).</summary>
public sealed class BlackholeFrameSharingTests
{
    [Fact]
    public void A_frame_is_the_head_then_the_tail_in_Kazoo_order_with_the_cursor_before_data()
    {
        var message = Event("add-member", "call-1");
        var head = BlackholeEventFrame.RenderHead("conference.event.c1.*", AmqpC1);
        var tail = BlackholeEventFrame.RenderTail("event", RoutingKey("add-member", "call-1"), "i.c1.7", message);

        var frame = JsonNode.Parse(BlackholeEventFrame.Compose(head, tail))!.AsObject();

        Assert.Equal(["action", "subscribed_key", "subscription_key", "name", "routing_key", "cursor", "data"], frame.Select(p => p.Key));
        Assert.Equal("i.c1.7", (string?)frame["cursor"]);
        Assert.Equal(JsonNode.Parse(BlackholeEventFrame.RenderData(message))!.ToJsonString(), frame["data"]!.ToJsonString());
        var uncursored = BlackholeEventFrame.RenderTail("event", RoutingKey("add-member", "call-1"), null, message);
        Assert.DoesNotContain("cursor", JsonNode.Parse(BlackholeEventFrame.Compose(head, uncursored))!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Sockets_with_the_same_binding_get_one_frame_and_another_binding_its_own()
    {
        var bus = new ObservedBus();
        var first = new SessionHarness(bus);
        var second = new SessionHarness(bus, hub: first.Hub);
        var other = new SessionHarness(bus, hub: first.Hub);
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        await second.SubscribeAsync(Alice, "conference.event.c1.*");
        await other.SubscribeAsync(Alice, "conference.event.*.c1.*");

        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));
        await bus.For(StreamC1).DeliverAsync(RoutingKey("del-member", "call-1"), Event("del-member", "call-1"));

        var mine = first.Outbox.Sent.Skip(1).ToList(); // after the subscribe reply
        var theirs = second.Outbox.Sent.Skip(1).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine.Zip(theirs), pair => Assert.Same(pair.First, pair.Second));
        Assert.NotSame(mine[0], mine[1]);
        var others = other.Outbox.Events;
        Assert.All(others, f => Assert.Equal("conference.event.*.c1.*", (string?)f["subscribed_key"]));
        Assert.Equal(first.Outbox.Events.Select(f => (string?)f["cursor"]), others.Select(f => (string?)f["cursor"]));
    }

    [Fact]
    public async Task A_replayed_frame_is_byte_for_byte_the_live_one()
    {
        var bus = new ObservedBus();
        var live = new SessionHarness(bus);
        var late = new SessionHarness(bus, hub: live.Hub);
        await live.SubscribeAsync(Alice, "conference.event.c1.*");
        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));
        await bus.For(StreamC1).DeliverAsync(RoutingKey("mute-member", "call-1"), Event("mute-member", "call-1"));

        var since = (string)live.Outbox.Events[0]["cursor"]!;
        await late.SubscribeAsync(Alice, new JsonObject { ["binding"] = "conference.event.c1.*", ["since"] = since });

        Assert.Equal(live.Outbox.Sent[^1], late.Outbox.Sent[^1]);
        Assert.Equal("mute-member", (string?)late.Outbox.Events.Single()["data"]!["event"]);
    }
}
