using Conferences.MediaServer.Control;
using static Conferences.MediaServer.Tests.Wire;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.MediaServer.Tests;

/// <summary>The control surface (docs/amqp.md): its effects are observed on the bus, as crossbar sees them.</summary>
public sealed class ControlTests
{
    [Fact]
    public async Task Adding_a_participant_directly_starts_the_conference_with_its_flags()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();

        var added = await sim.Simulator.Control.AddParticipantAsync(new NewParticipant(conf, sim.AccountId)
        {
            CallId = "direct-call",
            CallerIdName = "Moderator",
            CallerIdNumber = "2000",
            PresenceId = "2000@realm.example.com",
            Flags = ["is_moderator", "mute"],
            CustomChannelVars = new JsonObject { ["Owner-ID"] = "owner-9" },
        });

        Assert.NotNull(added);
        Assert.Equal($"conference.event.conference-create.{sim.AccountId}.{conf}.{conf}", (await sim.Events.NextAsync()).RoutingKey);
        var joined = await sim.Events.NextAsync();
        Assert.Equal($"conference.event.add-member.{sim.AccountId}.{conf}.direct-call", joined.RoutingKey);
        Assert.True(Var(joined.Message, "Is-Moderator"));
        Assert.False(Var(joined.Message, KapiKeys.Speak));
        Assert.True(Var(joined.Message, KapiKeys.Hear));
        Assert.Equal("Moderator", Str(joined.Message, KapiKeys.CallerIdName));
        Assert.Equal("2000@realm.example.com", Str(joined.Message, KapiKeys.ChannelPresenceId));
        Assert.Equal("owner-9", Str(Obj(joined.Message, KapiKeys.CustomChannelVars), "Owner-ID"));
        Assert.Equal(sim.AccountId, Str(Obj(joined.Message, KapiKeys.CustomChannelVars), KapiHeaders.AccountId));
        var snapshot = Assert.Single(sim.Simulator.Control.ListConferences());
        Assert.Equal(conf, snapshot.Conference.Name);
        Assert.Equal(sim.AccountId, snapshot.Conference.AccountId);
        Assert.Equal("direct-call", Assert.Single(snapshot.Participants).CallId);
        Assert.Null(await sim.Simulator.Control.AddParticipantAsync(new NewParticipant(conf, sim.AccountId) { CallId = "direct-call" }));
    }

    [Fact]
    public async Task Toggling_talking_publishes_start_and_stop_talking()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        var callId = (await sim.JoinAsync(conf, "alice")).Single();
        await sim.EventAsync(E.AddMember);

        var talking = await sim.Simulator.Control.ToggleTalkingAsync(callId);
        var start = await sim.Events.NextAsync();
        var silent = await sim.Simulator.Control.ToggleTalkingAsync(callId);
        var stop = await sim.Events.NextAsync();

        Assert.True(talking!.ChannelVars.Talking);
        Assert.False(silent!.ChannelVars.Talking);
        Assert.Equal($"conference.event.start-talking.{sim.AccountId}.{conf}.{callId}", start.RoutingKey);
        Assert.True(Var(start.Message, KapiKeys.Talking));
        Assert.Equal($"conference.event.stop-talking.{sim.AccountId}.{conf}.{callId}", stop.RoutingKey);
        Assert.False(Var(stop.Message, KapiKeys.Talking));
        await sim.Simulator.Control.SetTalkingAsync(callId, talking: true);
        Assert.Equal(E.StartTalking, EventName((await sim.Events.NextAsync()).Message));
        Assert.True(Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants).Single()[KapiKeys.ConferenceChannelVars]![KapiKeys.Talking]!.GetValue<bool>());
        Assert.Null(await sim.Simulator.Control.ToggleTalkingAsync("no-such-call"));
    }

    [Fact]
    public async Task Removing_the_last_participant_ends_the_conference()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        var calls = await sim.JoinAsync(conf, "alice", "bob");
        await sim.Events.TakeAsync(3);

        Assert.NotNull(await sim.Simulator.Control.RemoveParticipantAsync(calls[0]));
        var memberId = sim.Simulator.Control.FindParticipant(calls[1])!.MemberId;
        Assert.NotNull(await sim.Simulator.Control.RemoveParticipantAsync(conf, memberId));

        var events = await sim.Events.TakeAsync(3);
        Assert.Equal([E.DelMember, E.DelMember, E.ConferenceDestroy], events.Select(e => EventName(e.Message)));
        Assert.Equal(calls, events.Take(2).Select(e => Str(e.Message, KapiHeaders.CallId)));
        Assert.Empty(sim.Simulator.Control.ListConferences());
        Assert.Null(await sim.Simulator.Control.RemoveParticipantAsync(calls[0]));
        Assert.Equal("error", Str(await sim.SearchConferenceAsync(conf), KapiHeaders.EventName));
    }

    [Fact]
    public async Task Member_ids_are_unique_and_increasing_across_conferences()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var ids = new List<long>();
        foreach (var conf in new[] { KazooIds.NewId(), KazooIds.NewId(), KazooIds.NewId() })
        {
            for (var i = 0; i < 2; i++)
            {
                ids.Add((await sim.Simulator.Control.AddParticipantAsync(new NewParticipant(conf, sim.AccountId)))!.MemberId);
            }
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
