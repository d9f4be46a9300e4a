using Xunit.Abstractions;
using static Conferences.Api.Tests.Websocket.Frames;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Websocket;

/// <summary>The service on a private broker of its own, which the test may restart.</summary>
public sealed class PrivateBrokerApiFactory : SimulatorOnRabbitMqFactory, IAsyncLifetime
{
    private TestBroker? broker;

    public TestBroker Broker => broker ?? throw new InvalidOperationException("the private broker is not started yet");

    public PrivateBrokerApiFactory() => Settings.RabbitMq(() => Broker.Url);

    public async Task InitializeAsync() => broker = await TestBroker.PrivateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Broker.DisposeAsync();
    }
}

/// <summary>
/// Issue 8: after the broker restarts under a running subscription, event frames arrive again on the same socket
/// without the client doing anything (the RabbitMQ adapter declares the socket's queue again). Issue 17: a cursor from
/// before the restart is answered with a snapshot (docs/websocket.md, "After a bus outage").
/// </summary>
public sealed class BrokerRestartTests(PrivateBrokerApiFactory api, ITestOutputHelper output) : IClassFixture<PrivateBrokerApiFactory>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Events_flow_again_after_a_broker_restart_without_a_new_subscribe()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var bus = new ConferenceBus(api);
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.SubscribeAsync(account, $"conference.event.{conf}.*"));
        var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        Assert.Equal(EventKey(E.ConferenceCreate, account.Id, conf), RoutingKey(await ws.NextEventAsync()));
        Assert.Equal(EventKey(E.AddMember, account.Id, conf, alice.CallId), RoutingKey(await ws.NextEventAsync()));

        var clock = Stopwatch.StartNew();
        await api.Broker.RestartAsync();
        output.WriteLine($"broker restarted in {clock.Elapsed.TotalSeconds:0.0} s");

        // events published while the queue is not back yet are lost, as on Kazoo: talk until one arrives
        var next = ws.NextEventAsync(Recovery);
        while (!next.IsCompleted && clock.Elapsed < Recovery)
        {
            await bus.Simulator.ToggleTalkingAsync(alice.CallId);
            await Task.WhenAny(next, Task.Delay(500));
        }
        var first = await next;
        output.WriteLine($"first frame {clock.Elapsed.TotalSeconds:0.0} s after the restart began: {RoutingKey(first)}");
        Assert.Contains(RoutingKey(first), new[] { EventKey(E.StartTalking, account.Id, conf, alice.CallId), EventKey(E.StopTalking, account.Id, conf, alice.CallId) });
        Assert.Equal($"conference.event.{conf}.*", SubscribedKey(first));

        await bus.Simulator.RemoveParticipantAsync(alice.CallId);
        JsonObject frame;
        do
        {
            frame = await ws.NextEventAsync();
        }
        while ((string?)frame["data"]!["event"] is E.StartTalking or E.StopTalking);
        Assert.Equal(EventKey(E.DelMember, account.Id, conf, alice.CallId), RoutingKey(frame));
        Assert.Equal(EventKey(E.ConferenceDestroy, account.Id, conf), RoutingKey(await ws.NextEventAsync()));
    }

    [Fact]
    public async Task A_cursor_from_before_a_broker_restart_gets_a_snapshot_not_a_replay_missing_the_lost_events()
    {
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var binding = $"conference.event.{conf}.*";
        var bus = new ConferenceBus(api);
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Success(await ws.SubscribeAsync(account, binding));
        var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        var created = (string)(await ws.NextEventAsync())["cursor"]!;
        await ws.NextEventAsync(); // add-member
        Assert.Equal("event", await FirstAfterReplyAsync(account, binding, created)); // held: replayed while the bus stays up

        await api.Broker.RestartAsync();
        var clock = Stopwatch.StartNew();
        var next = ws.NextEventAsync(Recovery);
        while (!next.IsCompleted && clock.Elapsed < Recovery)
        {
            await bus.Simulator.ToggleTalkingAsync(alice.CallId);
            await Task.WhenAny(next, Task.Delay(500));
        }
        await next; // the queues are back; the reconnect signal follows their recovery
        string? first = null;
        while (first != "snapshot" && clock.Elapsed < Recovery)
        {
            first = await FirstAfterReplyAsync(account, binding, created);
            await Task.Delay(first == "snapshot" ? 0 : 200);
        }
        output.WriteLine($"snapshot {clock.Elapsed.TotalSeconds:0.0} s after the restart");

        Assert.Equal("snapshot", first);
        await bus.Simulator.RemoveParticipantAsync(alice.CallId);
    }

    // The action of the first frame a new socket gets after its since-subscribe's reply.
    private async Task<string?> FirstAfterReplyAsync(TestAccount account, string binding, string since)
    {
        await using var resumed = await BlackholeClient.ConnectAsync(api);
        Success(await resumed.RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = account.Id, ["binding"] = binding, ["since"] = since }));
        return (string?)(await resumed.NextAsync())["action"];
    }
}
