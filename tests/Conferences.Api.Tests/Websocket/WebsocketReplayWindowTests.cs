using static Conferences.Api.Tests.Websocket.Frames;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Websocket;

/// <summary>A window of three events per conference, so a short absence outruns it.</summary>
public sealed class SmallReplayWindowApiFactory : ApiFactory
{
    public const int ReplayEvents = 3;

    public SmallReplayWindowApiFactory() => Settings.Set("Websocket:ReplayEvents", $"{ReplayEvents}");
}

/// <summary>
/// "Cursor too old" end to end (issue 17; docs/websocket.md, "Cursors"): a client away for more events than the window
/// holds gets the conference as GET shows it in a snapshot frame, then live events.
/// </summary>
public sealed class WebsocketReplayWindowTests(SmallReplayWindowApiFactory api) : IClassFixture<SmallReplayWindowApiFactory>
{
    private readonly ConferenceBus bus = new(api);

    [Fact]
    public async Task A_cursor_older_than_the_window_gets_a_snapshot_then_live_events()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.{conf}.*";
        await using var watcher = await BlackholeClient.ConnectAsync(api); // sees every event reach the window
        Success(await watcher.SubscribeAsync(account, binding));
        string old;
        await using (var dropped = await BlackholeClient.ConnectAsync(api))
        {
            Success(await dropped.SubscribeAsync(account, binding));
            var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
            await dropped.NextEventAsync(); // conference-create
            old = Cursor(await dropped.NextEventAsync());
            Assert.Equal(alice.CallId, (string?)(await watcher.EventsAsync(binding, E.AddMember, 1))[0]["data"]!["call_id"]);
        }
        var bob = await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        var carol = await bus.JoinAsync(conf, account.Id, $"carol-{conf}", "Carol");
        await watcher.EventsAsync(binding, E.AddMember, 2);
        foreach (var talking in new[] { true, false })
        {
            await bus.Simulator.SetTalkingAsync(bob.CallId, talking);
            await watcher.EventsAsync(binding, talking ? E.StartTalking : E.StopTalking, 1);
        }
        await Realtime.LiveApi.ParticipantsUntilAsync(account, conf, p => p.Count == 3);

        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = account.Id, ["binding"] = binding, ["since"] = old }));
        var snapshot = await ws.NextAsync();
        await bus.Simulator.RemoveParticipantAsync(carol.CallId);
        var live = await ws.NextEventAsync();

        Assert.Equal("snapshot", (string?)snapshot["action"]);
        Assert.Equal(binding, SubscribedKey(snapshot));
        var get = (await Realtime.LiveApi.GetConferenceAsync(account, conf)).DataObject;
        var data = snapshot["data"]!.AsObject();
        Assert.Equal(get.Select(p => p.Key).Order(), data.Select(p => p.Key).Order());
        Assert.Equal(new[] { $"alice-{conf}", bob.CallId, carol.CallId }.Order(),
            data["_read_only"]!["participants"]!.AsArray().Select(p => (string?)p!["call_id"]).Order());
        Assert.Equal(E.DelMember, (string?)live["data"]!["event"]);
        Assert.Equal(carol.CallId, (string?)live["data"]!["call_id"]);
        Assert.True(SequenceOf(Cursor(live)) > SequenceOf(Cursor(snapshot)));
        await bus.Simulator.RemoveParticipantAsync($"alice-{conf}");
        await bus.Simulator.RemoveParticipantAsync(bob.CallId);
    }
}
