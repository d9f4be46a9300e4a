using static Conferences.Api.Tests.Websocket.Frames;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// Cursors, <c>since</c> replays and snapshot frames end to end (issue 17; docs/websocket.md, "Cursors"): a client that
/// lost its socket gets exactly what it missed, a foreign cursor or a request gets the conference as GET shows it. Runs
/// on the in-process bus and, in a subclass, on RabbitMQ.
/// </summary>
public abstract class WebsocketReplayTests(ApiFactory api)
{
    private readonly ConferenceBus bus = new(api);

    [Fact]
    public async Task Resubscribing_with_the_last_cursor_after_a_dropped_socket_replays_exactly_the_missed_events_then_live_ones()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.{conf}.*";
        string last;
        await using (var dropped = await BlackholeClient.ConnectAsync(api))
        {
            Success(await dropped.SubscribeAsync(account, binding));
            var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
            await NextAsync(dropped, E.ConferenceCreate, null);
            last = Cursor(await NextAsync(dropped, E.AddMember, alice.CallId));
        }
        var bob = await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        await bus.Simulator.SetTalkingAsync(bob.CallId, talking: true);
        await Realtime.LiveApi.ParticipantsUntilAsync(account, conf, p => p.Count == 2);

        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await Subscribe(ws, account, new JsonObject { ["binding"] = binding, ["since"] = last }));
        var missed = new[] { await NextAsync(ws, E.AddMember, bob.CallId), await NextAsync(ws, E.StartTalking, bob.CallId) };
        await bus.Simulator.RemoveParticipantAsync($"alice-{conf}");
        var live = await NextAsync(ws, E.DelMember, $"alice-{conf}");
        Success(await ws.RequestAsync("ping", null));

        Assert.Equal(0, ws.PendingEvents); // nothing twice
        var sequence = new[] { last, Cursor(missed[0]), Cursor(missed[1]), Cursor(live) }.Select(SequenceOf).ToList();
        Assert.Equal(sequence.Order(), sequence);
        Assert.Equal(sequence.Count, sequence.Distinct().Count());
        Assert.All(missed, f => Assert.Equal(binding, SubscribedKey(f)));
        await bus.Simulator.RemoveParticipantAsync(bob.CallId);
    }

    [Fact]
    public async Task A_cursor_of_another_instance_gets_the_conference_as_GET_shows_it_then_live_events()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.*.{conf}.*";
        var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        await Realtime.LiveApi.ParticipantsUntilAsync(account, conf, p => p.Count == 1);

        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await Subscribe(ws, account, new JsonObject { ["binding"] = binding, ["since"] = $"{KazooIds.NewId()}.{conf}.7" }));
        var snapshot = await ws.NextAsync();
        var bob = await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        await NextAsync(ws, E.AddMember, bob.CallId);

        Assert.Equal("snapshot", (string?)snapshot["action"]);
        Assert.Equal(binding, SubscribedKey(snapshot));
        Assert.True(snapshot.ContainsKey("cursor"));
        var get = (await Realtime.LiveApi.GetConferenceAsync(account, conf)).DataObject;
        var data = snapshot["data"]!.AsObject();
        Assert.Equal(conf, (string?)data["id"]);
        Assert.Equal(get.Select(p => p.Key).Order(), data.Select(p => p.Key).Order());
        Assert.Equal([alice.CallId], data["_read_only"]!["participants"]!.AsArray().Select(p => (string?)p!["call_id"]));
        await bus.Simulator.RemoveParticipantAsync(alice.CallId);
        await bus.Simulator.RemoveParticipantAsync(bob.CallId);
    }

    [Fact]
    public async Task A_snapshot_on_request_of_a_conference_that_does_not_exist_is_its_id_and_an_idle_read_only()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        Success(await Subscribe(ws, account, new JsonObject { ["binding"] = $"conference.event.{conf}.*", ["snapshot"] = true }));
        var snapshot = await ws.NextAsync();

        Assert.Equal("snapshot", (string?)snapshot["action"]);
        Assert.Null(snapshot["cursor"]);
        Assert.Equal(conf, (string?)snapshot["data"]!["id"]);
        Assert.Empty(snapshot["data"]!["_read_only"]!["participants"]!.AsArray());
        Assert.Equal(0, (int?)snapshot["data"]!["_read_only"]!["members"]);
    }

    [Fact]
    public async Task Malformed_since_is_an_error_reply_in_the_existing_style()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        var reply = await Subscribe(ws, account, new JsonObject { ["binding"] = "conference.event.c1.*", ["since"] = "yesterday" });

        Assert.Equal(["since is not a cursor of this service: yesterday"], Errors(reply));
        Assert.Empty(Strings(Success(await ws.RequestAsync("unsubscribe", null, new JsonObject { ["account_id"] = account.Id, ["binding"] = "conference.event.c1.*" }))["subscribed"]));
    }

    private static Task<JsonObject> Subscribe(BlackholeClient ws, TestAccount account, JsonObject data)
    {
        data["account_id"] = account.Id;
        return ws.RequestAsync("subscribe", account.Token, data);
    }

    private async Task<JsonObject> NextAsync(BlackholeClient ws, string eventName, string? callId)
    {
        var frame = await ws.NextEventAsync();
        Assert.Equal(eventName, (string?)frame["data"]!["event"]);
        Assert.Equal(callId, (string?)frame["data"]!["call_id"]);
        return frame;
    }
}

/// <summary>The scenarios on the default in-process bus with the built-in simulator.</summary>
public sealed class WebsocketReplayTestsInProcess(ApiFactory api) : WebsocketReplayTests(api), IClassFixture<ApiFactory>;

/// <summary>The scenarios on RabbitMQ.</summary>
public sealed class WebsocketReplayTestsOnRabbitMq(SimulatorOnRabbitMqFactory api) : WebsocketReplayTests(api), IClassFixture<SimulatorOnRabbitMqFactory>;
