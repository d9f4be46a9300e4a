using static Conferences.Api.Tests.Websocket.Frames;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// Live conference events through <c>/ws</c> (issue 8): what the media-server simulator does and the commands it is
/// sent arrive as Blackhole event frames, in order, with Kazoo's routing keys (<c>ecallmgr_fs_conference_stream.erl</c>, docs/websocket.md). Runs on the
/// in-process bus and, in a subclass, on RabbitMQ.
/// </summary>
public abstract class ConferenceEventTests(ApiFactory api)
{
    private readonly ConferenceBus bus = new(api);

    [Fact]
    public async Task Joins_mutes_talking_and_leaves_arrive_in_order_with_Kazoos_routing_keys()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.{conf}.*";
        await using var ws = await BlackholeClient.ConnectAsync(api);
        var subscribed = Success(await ws.SubscribeAsync(account, binding));
        Assert.Equal([binding], Strings(subscribed["subscribed"]));

        var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        await ExpectAsync(ws, E.ConferenceCreate, account.Id, conf, null);
        var joined = await ExpectAsync(ws, E.AddMember, account.Id, conf, alice.CallId);
        var bob = await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        await ExpectAsync(ws, E.AddMember, account.Id, conf, bob.CallId);

        await bus.CommandAsync(KapiConference.MuteParticipant, conf, alice.MemberId);
        var muted = await ExpectAsync(ws, E.MuteMember, account.Id, conf, alice.CallId);
        await bus.CommandAsync(KapiConference.UnmuteParticipant, conf, alice.MemberId);
        var unmuted = await ExpectAsync(ws, E.UnmuteMember, account.Id, conf, alice.CallId);
        await bus.Simulator.SetTalkingAsync(bob.CallId, talking: true);
        var talking = await ExpectAsync(ws, E.StartTalking, account.Id, conf, bob.CallId);
        await bus.Simulator.SetTalkingAsync(bob.CallId, talking: false);
        await ExpectAsync(ws, E.StopTalking, account.Id, conf, bob.CallId);
        await bus.Simulator.RemoveParticipantAsync(alice.CallId);
        await ExpectAsync(ws, E.DelMember, account.Id, conf, alice.CallId);
        await bus.Simulator.RemoveParticipantAsync(bob.CallId);
        await ExpectAsync(ws, E.DelMember, account.Id, conf, bob.CallId);
        await ExpectAsync(ws, E.ConferenceDestroy, account.Id, conf, null);

        Assert.Equal(binding, SubscribedKey(joined));
        Assert.Equal($"conference.event.*.{account.Id}.{conf}.*", (string?)joined["subscription_key"]);
        Assert.Equal("event", (string?)joined["name"]);
        var data = joined["data"]!.AsObject();
        Assert.Equal(account.Id, (string?)data["account_id"]);
        Assert.Equal(alice.CallId, (string?)data["call_id"]);
        Assert.Equal(alice.MemberId, (long?)data["participant_id"]);
        Assert.Equal("Alice", (string?)data["caller_id_name"]);
        Assert.Equal(account.Id, (string?)data["custom_channel_vars"]!["account_id"]);
        Assert.True((bool)data["conference_channel_vars"]!["speak"]!);
        Assert.False((bool)muted["data"]!["conference_channel_vars"]!["speak"]!);
        Assert.False((bool)muted["data"]!["speak"]!);
        Assert.True((bool)unmuted["data"]!["speak"]!);
        Assert.True((bool)talking["data"]!["talking"]!);
        Assert.Null(data["node"]);
    }

    [Fact]
    public async Task The_viewers_binding_gets_every_event_of_the_conference_and_is_echoed_as_subscribed_key()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var viewerBinding = $"conference.event.*.{conf}.*";
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Assert.Equal([viewerBinding], Strings(Success(await ws.SubscribeAsync(account, viewerBinding))["subscribed"]));

        var carol = await bus.JoinAsync(conf, account.Id, $"carol-{conf}", "Carol");
        var create = await ExpectAsync(ws, E.ConferenceCreate, account.Id, conf, null);
        var add = await ExpectAsync(ws, E.AddMember, account.Id, conf, carol.CallId);
        await bus.CommandAsync(KapiConference.Lock, conf);
        var locked = await ExpectAsync(ws, E.Lock, account.Id, conf, null);
        await bus.CommandAsync(KapiConference.Kick, conf, carol.MemberId);
        var kicked = await ExpectAsync(ws, E.DelMember, account.Id, conf, carol.CallId);

        Assert.All(new[] { create, add, locked, kicked }, f => Assert.Equal(viewerBinding, SubscribedKey(f)));
    }

    [Fact]
    public async Task A_command_binding_sees_the_commands_sent_to_the_conference()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.SubscribeAsync(account, $"conference.command.{conf}"));
        var dave = await bus.JoinAsync(conf, account.Id, $"dave-{conf}", "Dave");

        await bus.CommandAsync(KapiConference.MuteParticipant, conf, dave.MemberId);
        var frame = await ws.NextEventAsync();

        Assert.Equal($"conference.command.{conf}", SubscribedKey(frame));
        Assert.Equal($"conference.command.{conf}", (string?)frame["subscription_key"]);
        Assert.Equal($"conference.command.{conf}", RoutingKey(frame));
        Assert.Equal("command", (string?)frame["name"]);
        Assert.Equal("mute_participant", (string?)frame["data"]!["application_name"]);
        Assert.Equal(dave.MemberId, (long?)frame["data"]!["participant_id"]);
        await bus.Simulator.RemoveParticipantAsync(dave.CallId);
    }

    [Fact]
    public async Task Unsubscribe_stops_the_events_of_that_binding_only()
    {
        var account = await api.NewAccountAsync();
        var (stopped, kept) = (KazooIds.NewId(), KazooIds.NewId());
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.SubscribeAsync(account, $"conference.event.{stopped}.*"));
        Success(await ws.SubscribeAsync(account, $"conference.event.{kept}.*"));
        await bus.JoinAsync(stopped, account.Id, $"a-{stopped}", "A");
        await ExpectAsync(ws, E.ConferenceCreate, account.Id, stopped, null);
        await ExpectAsync(ws, E.AddMember, account.Id, stopped, $"a-{stopped}");

        var reply = Success(await ws.UnsubscribeAsync(account, $"conference.event.{stopped}.*"));
        await bus.JoinAsync(stopped, account.Id, $"b-{stopped}", "B");
        await bus.JoinAsync(kept, account.Id, $"c-{kept}", "C");
        await ExpectAsync(ws, E.ConferenceCreate, account.Id, kept, null);
        await ExpectAsync(ws, E.AddMember, account.Id, kept, $"c-{kept}");
        Success(await ws.RequestAsync("ping", null));

        Assert.Equal([$"conference.event.{stopped}.*"], Strings(reply["unsubscribed"]));
        Assert.Equal([$"conference.event.{kept}.*"], Strings(reply["subscribed"]));
        Assert.Equal(0, ws.PendingEvents);
    }

    [Fact]
    public async Task Two_sockets_with_different_bindings_receive_only_their_own_events()
    {
        var account = await api.NewAccountAsync();
        var (first, second) = (KazooIds.NewId(), KazooIds.NewId());
        await using var one = await BlackholeClient.ConnectAsync(api);
        await using var two = await BlackholeClient.ConnectAsync(api);
        Success(await one.SubscribeAsync(account, $"conference.event.{first}.*"));
        Success(await two.SubscribeAsync(account, $"conference.event.{second}.*"));

        await bus.JoinAsync(first, account.Id, $"x-{first}", "X");
        await bus.JoinAsync(second, account.Id, $"y-{second}", "Y");
        await bus.Simulator.RemoveParticipantAsync($"x-{first}");
        await bus.Simulator.RemoveParticipantAsync($"y-{second}");

        foreach (var (ws, conf, call) in new[] { (one, first, $"x-{first}"), (two, second, $"y-{second}") })
        {
            await ExpectAsync(ws, E.ConferenceCreate, account.Id, conf, null);
            await ExpectAsync(ws, E.AddMember, account.Id, conf, call);
            await ExpectAsync(ws, E.DelMember, account.Id, conf, call);
            await ExpectAsync(ws, E.ConferenceDestroy, account.Id, conf, null);
        }
    }

    /// <summary>The next frame must be this event; it is returned for further checks.</summary>
    protected static async Task<JsonObject> ExpectAsync(BlackholeClient ws, string eventName, string accountId, string conferenceId, string? callId)
    {
        var frame = await ws.NextEventAsync();
        Assert.Equal(EventKey(eventName, accountId, conferenceId, callId), RoutingKey(frame));
        Assert.Equal(eventName, (string?)frame["data"]!["event"]);
        return frame;
    }
}

/// <summary>The scenario on the default in-process bus with the built-in simulator.</summary>
public sealed class ConferenceEventTestsInProcess(ApiFactory api) : ConferenceEventTests(api), IClassFixture<ApiFactory>;
