using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>Deliveries becoming event frames, unsubscribe and teardown.</summary>
public sealed class BlackholeSessionEventTests
{
    private readonly SessionHarness session = new();

    [Fact]
    public async Task A_delivery_becomes_an_event_frame_for_the_client_binding()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");

        await session.Bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));

        var frame = Assert.Single(session.Outbox.Events);
        Assert.Equal("conference.event.c1.*", (string?)frame["subscribed_key"]);
        Assert.Equal(AmqpC1, (string?)frame["subscription_key"]);
        Assert.Equal(RoutingKey("add-member", "call-1"), (string?)frame["routing_key"]);
        Assert.Equal("add-member", (string?)frame["data"]!["event"]);
    }

    [Fact]
    public async Task Two_client_bindings_of_one_amqp_binding_share_a_queue_and_each_get_a_frame()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");
        await session.SubscribeAsync(Alice, "conference.event.*.c1.*");

        await session.Bus.For(StreamC1).DeliverAsync(RoutingKey("mute-member", "call-1"), Event("mute-member", "call-1"));

        Assert.Single(session.Bus.All);
        Assert.Equal(["conference.event.c1.*", "conference.event.*.c1.*"], session.Outbox.Events.Select(f => (string?)f["subscribed_key"]));
        Assert.All(session.Outbox.Events, f => Assert.Equal(AmqpC1, (string?)f["subscription_key"]));
    }

    [Fact]
    public async Task No_event_frame_overtakes_the_subscribe_reply()
    {
        session.Bus.OnSubscribed = s => s.DeliverAsync(RoutingKey("add-member", "early"), Event("add-member", "early"));

        await session.SubscribeAsync(Alice, "conference.event.c1.*", requestId: "sub");

        Assert.Equal(["reply", "event"], session.Outbox.Frames.Select(f => (string?)f["action"]));
        Assert.Equal("early", (string?)session.Outbox.Frames[1]["data"]!["call_id"]);
    }

    [Fact]
    public async Task Unsubscribe_ends_the_queue_and_lists_what_remains()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");
        await session.SubscribeAsync(Alice, "conference.command.c1");
        var queue = session.Bus.For(StreamC1);

        var reply = await session.UnsubscribeAsync(Alice, "conference.event.c1.*", requestId: "unsub");
        await queue.DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));

        Assert.Equal("unsub", (string?)reply["request_id"]);
        var data = Success(reply);
        Assert.Equal(["conference.event.c1.*"], Strings(data["unsubscribed"]));
        Assert.Equal(["conference.command.c1"], Strings(data["subscribed"]));
        Assert.True(queue.Ended);
        Assert.Empty(session.Outbox.Events);
    }

    [Fact]
    public async Task Unsubscribing_one_of_two_client_bindings_keeps_the_shared_queue_for_the_other()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");
        await session.SubscribeAsync(Alice, "conference.event.*.c1.*");

        await session.UnsubscribeAsync(Alice, "conference.event.c1.*");
        await session.Bus.For(StreamC1).DeliverAsync(RoutingKey("del-member", "call-1"), Event("del-member", "call-1"));

        Assert.Equal(["conference.event.*.c1.*"], session.Outbox.Events.Select(f => (string?)f["subscribed_key"]));
    }

    [Fact]
    public async Task Unsubscribe_validates_like_subscribe_and_names_even_bindings_it_did_not_hold()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");

        Assert.Equal(["ConferenceId required"], ErrorsOf(await session.UnsubscribeAsync(Alice, "conference.command.*")));
        Assert.Equal(["no available subscriptions to requested binding"], ErrorsOf(await session.UnsubscribeAsync(Alice, "presence.update.*")));
        Assert.Equal(["missing required keys : binding"], ErrorsOf(await session.RequestAsync(Frame("unsubscribe", null, "u", new() { ["account_id"] = Alice }))));
        var data = Success(await session.UnsubscribeAsync(Alice, "conference.event.c9.*"));
        Assert.Equal(["conference.event.c9.*"], Strings(data["unsubscribed"]));
        Assert.Equal(["conference.event.c1.*"], Strings(data["subscribed"]));
    }

    [Fact]
    public async Task Once_the_outbox_refuses_a_frame_no_more_frames_are_built()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");
        session.Outbox.Refusing = true;

        await session.Bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", "call-1"), Event("add-member", "call-1"));
        await session.Bus.For(StreamC1).DeliverAsync(RoutingKey("del-member", "call-1"), Event("del-member", "call-1"));

        Assert.Equal(1, session.Outbox.Refused);
    }

    [Fact]
    public async Task Disposing_the_session_ends_every_queue()
    {
        await session.SubscribeAsync(Alice, "conference.event.c1.*");
        await session.SubscribeAsync(Alice, "conference.command.c1");

        await session.Session.DisposeAsync();

        Assert.All(session.Bus.All, s => Assert.True(s.Ended));
        Assert.Empty(session.Session.Bindings);
    }
}
