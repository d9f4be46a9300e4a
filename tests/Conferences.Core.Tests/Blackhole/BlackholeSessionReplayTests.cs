using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.HubEvents;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>Cursors on event frames, <c>since</c> replays from the conference's window and snapshot frames
/// (docs/websocket.md, "Cursors").</summary>
public sealed class BlackholeSessionReplayTests
{
    private const string Binding = "conference.event.c1.*";
    private readonly ObservedBus bus = new();
    private readonly SessionHarness first;

    public BlackholeSessionReplayTests() => first = new SessionHarness(bus, replay: new BlackholeReplayOptions { Events = 4 });

    [Fact]
    public async Task Every_event_frame_carries_a_cursor_of_this_instance_and_conference_in_delivery_order()
    {
        Success(await first.SubscribeAsync(Alice, Binding));
        await DeliverAsync("call-1", "call-2");

        var cursors = first.Outbox.Events.Select(Cursor).ToList();
        Assert.All(cursors, c => Assert.Equal("c1", c.ConferenceId));
        Assert.Single(cursors.Select(c => c.Instance).Distinct());
        Assert.True(cursors[0].Sequence < cursors[1].Sequence);
        Assert.Equal(["action", "subscribed_key", "subscription_key", "name", "routing_key", "cursor", "data"],
            first.Outbox.Events[0].Select(p => p.Key));
    }

    [Fact]
    public async Task A_dropped_socket_resubscribing_with_its_last_cursor_gets_exactly_the_missed_events_then_live_ones()
    {
        Success(await first.SubscribeAsync(Alice, Binding));
        await DeliverAsync("seen-1", "seen-2");
        var last = (string)first.Outbox.Events[^1]["cursor"]!;
        await first.Session.DisposeAsync();
        await DeliverAsync("missed-1", "missed-2");

        var second = new SessionHarness(bus, hub: first.Hub);
        Success(await second.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["since"] = last }));
        await DeliverAsync("live-1");

        Assert.Equal(["reply", "event", "event", "event"], second.Outbox.Frames.Select(f => (string?)f["action"]));
        Assert.Equal(["missed-1", "missed-2", "live-1"], CallIds(second));
        Assert.Equal(Sorted(second.Outbox.Events.Select(Cursor)), second.Outbox.Events.Select(Cursor));
        Assert.Empty(second.Snapshots.Loaded);
    }

    [Fact]
    public async Task A_call_binding_replays_only_that_calls_events()
    {
        Success(await first.SubscribeAsync(Alice, Binding));
        await DeliverAsync("start");
        var since = (string)first.Outbox.Events[^1]["cursor"]!;
        await DeliverAsync("call-1", "call-2", "call-1");

        var second = new SessionHarness(bus, hub: first.Hub);
        Success(await second.SubscribeAsync(Alice, new JsonObject { ["binding"] = "conference.event.c1.call-1", ["since"] = since }));

        Assert.Equal(["call-1", "call-1"], CallIds(second));
        Assert.All(second.Outbox.Events, f => Assert.Equal("conference.event.c1.call-1", (string?)f["subscribed_key"]));
    }

    [Fact]
    public async Task A_cursor_older_than_the_window_gets_a_snapshot_then_the_live_events_after_its_cursor()
    {
        Success(await first.SubscribeAsync(Alice, Binding));
        await DeliverAsync("old");
        var since = (string)first.Outbox.Events[^1]["cursor"]!;
        await DeliverAsync("a", "b", "c", "d", "e"); // the window holds 4

        var second = new SessionHarness(bus, hub: first.Hub);
        Success(await second.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["since"] = since }));
        await DeliverAsync("live");

        Assert.Equal(["reply", "snapshot", "event"], second.Outbox.Frames.Select(f => (string?)f["action"]));
        var snapshot = second.Outbox.Frames[1];
        Assert.Equal(Binding, (string?)snapshot["subscribed_key"]);
        Assert.Equal((string?)first.Outbox.Events[^2]["cursor"], (string?)snapshot["cursor"]); // "e", the newest before it
        Assert.Equal("c1", (string?)snapshot["data"]!["id"]);
        Assert.Equal([(Alice, "c1")], second.Snapshots.Loaded);
        Assert.Equal(["live"], CallIds(second));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef.c1.1")] // another instance, or an earlier run
    [InlineData("conference-of-another")]
    public async Task A_foreign_cursor_or_an_explicit_request_gets_a_snapshot(string kind)
    {
        Success(await first.SubscribeAsync(Alice, Binding));
        await DeliverAsync("a");
        var ours = Cursor(first.Outbox.Events[^1]);
        var since = kind == "conference-of-another" ? new BlackholeCursor(ours.Instance, "c2", ours.Sequence).ToString() : kind;

        var second = new SessionHarness(bus, hub: first.Hub);
        Success(await second.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["since"] = since }));
        var third = new SessionHarness(bus, hub: first.Hub);
        Success(await third.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["snapshot"] = true, ["since"] = ours.ToString() }));

        Assert.All([second, third], s => Assert.Equal(["reply", "snapshot"], s.Outbox.Frames.Select(f => (string?)f["action"])));
        Assert.All([second, third], s => Assert.Equal(ours.ToString(), (string?)s.Outbox.Frames[1]["cursor"]));
    }

    [Fact]
    public async Task A_snapshot_of_a_conference_without_events_has_a_null_cursor_and_a_wildcard_account_takes_the_events_account()
    {
        var admin = new SessionHarness(bus, hub: first.Hub);
        Success(await admin.SubscribeAsync("*", new JsonObject { ["binding"] = Binding, ["snapshot"] = true }, SuperToken));
        await DeliverAsync("a");
        Success(await admin.SubscribeAsync("*", new JsonObject { ["binding"] = "conference.event.*.c1.*", ["snapshot"] = true }, SuperToken));

        var snapshots = admin.Outbox.Frames.Where(f => (string?)f["action"] == "snapshot").ToList();
        Assert.True(snapshots[0].ContainsKey("cursor"));
        Assert.Null(snapshots[0]["cursor"]);
        Assert.Equal([(null, "c1"), (Alice, "c1")], admin.Snapshots.Loaded);
    }

    [Theory]
    [InlineData("{\"since\":5}", BlackholeErrors.InvalidSince)]
    [InlineData("{\"since\":\"abc\"}", "since is not a cursor of this service: abc")]
    [InlineData("{\"snapshot\":\"yes\"}", BlackholeErrors.InvalidSnapshot)]
    public async Task Malformed_since_or_snapshot_is_an_error_reply_and_subscribes_nothing(string extra, string error)
    {
        var data = JsonNode.Parse(extra)!.AsObject();
        data["binding"] = Binding;

        Assert.Equal([error], ErrorsOf(await first.SubscribeAsync(Alice, data)));
        Assert.Empty(first.Session.Bindings);
        Assert.Empty(bus.All);
    }

    [Fact]
    public async Task A_snapshot_the_store_cannot_give_is_an_error_reply_and_subscribes_nothing()
    {
        first.Snapshots.Unavailable = true;

        Assert.Equal([BlackholeErrors.SnapshotUnavailable], ErrorsOf(await first.SubscribeAsync(Alice, new JsonObject { ["binding"] = Binding, ["snapshot"] = true })));
        Assert.Empty(first.Session.Bindings);
    }

    private async Task DeliverAsync(params string[] callIds)
    {
        foreach (var call in callIds)
        {
            await bus.For(StreamC1).DeliverAsync(RoutingKey("add-member", call), Event("add-member", call));
        }
    }

    private static BlackholeCursor Cursor(JsonObject frame)
    {
        Assert.True(BlackholeCursor.TryParse((string?)frame["cursor"], out var cursor), frame.ToJsonString());
        return cursor;
    }

    private static List<BlackholeCursor> Sorted(IEnumerable<BlackholeCursor> cursors) => [.. cursors.OrderBy(c => c.Sequence)];

    private static List<string?> CallIds(SessionHarness session) => [.. session.Outbox.Events.Select(f => (string?)f["data"]!["call_id"])];
}
