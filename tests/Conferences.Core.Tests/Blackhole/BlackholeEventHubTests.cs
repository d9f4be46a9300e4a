using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>The process-wide hub: one bus subscription per AMQP binding key, shared and reference-counted by sessions.</summary>
public sealed class BlackholeEventHubTests
{
    [Fact]
    public async Task Two_sessions_on_one_binding_share_one_bus_subscription_and_each_frame_with_its_own_key()
    {
        var (bus, first, second) = TwoSessions();
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        await second.SubscribeAsync(Alice, "conference.event.*.c1.*");

        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));

        Assert.Single(bus.All);
        Assert.Equal(1, first.Hub.BindingCount);
        var mine = Assert.Single(first.Outbox.Events);
        var theirs = Assert.Single(second.Outbox.Events);
        Assert.Equal("conference.event.c1.*", (string?)mine["subscribed_key"]);
        Assert.Equal("conference.event.*.c1.*", (string?)theirs["subscribed_key"]);
        Assert.All([mine, theirs], f => Assert.Equal(AmqpC1, (string?)f["subscription_key"]));
        Assert.All([mine, theirs], f => Assert.Equal("call-1", (string?)f["data"]!["call_id"]));
    }

    [Fact]
    public async Task When_one_session_leaves_the_other_keeps_receiving_on_the_same_subscription()
    {
        var (bus, first, second) = TwoSessions();
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        await second.SubscribeAsync(Alice, "conference.event.c1.*");
        var queue = bus.For(StreamC1);

        Success(await first.UnsubscribeAsync(Alice, "conference.event.c1.*"));
        await queue.DeliverAsync(RoutingKey("del-member", "call-1"), Event("del-member", "call-1"));

        Assert.False(queue.Ended);
        Assert.Single(bus.All);
        Assert.Empty(first.Outbox.Events);
        Assert.Equal("conference.event.c1.*", (string?)Assert.Single(second.Outbox.Events)["subscribed_key"]);
    }

    [Fact]
    public async Task The_last_session_to_leave_ends_the_bus_subscription()
    {
        var (bus, first, second) = TwoSessions();
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        await second.SubscribeAsync(Alice, "conference.event.c1.*");
        var queue = bus.For(StreamC1);

        await first.Session.DisposeAsync();
        Assert.False(queue.Ended);
        await second.UnsubscribeAsync(Alice, "conference.event.c1.*");

        Assert.True(queue.Ended);
        Assert.Equal(0, second.Hub.BindingCount);
        await second.SubscribeAsync(Alice, "conference.event.c1.*");
        Assert.Equal(2, bus.All.Count); // a fresh subscription for the next session on the key
        Assert.False(bus.For(StreamC1).Ended);
    }

    [Fact]
    public async Task A_session_whose_outbox_is_full_does_not_keep_events_from_the_others()
    {
        var (bus, slow, fast) = TwoSessions();
        await slow.SubscribeAsync(Alice, "conference.event.c1.*");
        await fast.SubscribeAsync(Alice, "conference.event.c1.*");
        slow.Outbox.Refusing = true;

        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));
        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-2"), Event("add-member", "call-2"));

        Assert.Equal(1, slow.Outbox.Refused); // refused once, then the session stops handing it frames
        Assert.Equal(["call-1", "call-2"], fast.Outbox.Events.Select(f => (string?)f["data"]!["call_id"]));
    }

    [Fact]
    public async Task A_receiver_that_throws_does_not_keep_events_from_the_others()
    {
        var bus = new ObservedBus();
        var hub = new BlackholeEventHub(bus, NullLogger<BlackholeEventHub>.Instance, NoLinger);
        var received = new List<string>();
        await using var failing = await hub.JoinAsync(AmqpC1, _ => throw new InvalidOperationException("broken session"), CancellationToken.None);
        await using var working = await hub.JoinAsync(AmqpC1, e => received.Add(e.RoutingKey), CancellationToken.None);

        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));

        Assert.Equal([RoutingKey("add-member", "call-1")], received);
    }

    [Fact]
    public async Task A_session_joining_a_live_binding_gets_no_event_before_its_subscribe_reply()
    {
        var (bus, first, second) = TwoSessions();
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        // while the second session is being authorized the first's queue keeps delivering: those events are not its own
        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "before"), Event("add-member", "before"));

        await second.SubscribeAsync(Alice, "conference.event.c1.*", requestId: "sub");
        await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "after"), Event("add-member", "after"));

        Assert.Equal(["reply", "event"], second.Outbox.Frames.Select(f => (string?)f["action"]));
        Assert.Equal("after", (string?)second.Outbox.Frames[1]["data"]!["call_id"]);
        Assert.Equal(["before", "after"], first.Outbox.Events.Select(f => (string?)f["data"]!["call_id"]));
    }

    [Fact]
    public async Task A_failed_subscribe_leaves_nothing_behind_and_the_next_session_subscribes_afresh()
    {
        var (bus, first, second) = TwoSessions();
        bus.Unavailable = true;

        Assert.Equal([BlackholeErrors.BusUnavailable], ErrorsOf(await first.SubscribeAsync(Alice, "conference.event.c1.*")));
        Assert.Equal(0, first.Hub.BindingCount);
        bus.Unavailable = false;
        Success(await second.SubscribeAsync(Alice, "conference.event.c1.*"));

        Assert.Single(bus.Live);
        Assert.Equal(1, second.Hub.BindingCount);
    }

    [Fact]
    public async Task Disposing_the_hub_ends_every_subscription_and_later_joins_fail_as_a_bus_that_is_down()
    {
        var (bus, first, second) = TwoSessions();
        await first.SubscribeAsync(Alice, "conference.event.c1.*");
        await second.SubscribeAsync(Alice, "conference.command.c1");

        await first.Hub.DisposeAsync();
        await first.Session.DisposeAsync();

        Assert.Empty(bus.Live);
        await Assert.ThrowsAsync<BusUnavailableException>(() => first.Hub.JoinAsync(AmqpC1, _ => { }, CancellationToken.None));
    }

    private static (ObservedBus Bus, SessionHarness First, SessionHarness Second) TwoSessions()
    {
        var bus = new ObservedBus();
        var first = new SessionHarness(bus);
        return (bus, first, new SessionHarness(bus, hub: first.Hub));
    }
}
