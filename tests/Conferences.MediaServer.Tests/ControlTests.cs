using Conferences.MediaServer.Control;

namespace Conferences.MediaServer.Tests;

/// <summary>The control surface (docs/amqp.md): its effects are observed on the bus, as crossbar sees them.</summary>
public sealed class ControlTests : SimulatorTests
{
    [Fact]
    public async Task Adding_a_participant_directly_starts_the_conference_with_its_flags()
    {

        var added = await Sim.Simulator.Control.AddParticipantAsync(new NewParticipant(Conf, Sim.AccountId)
        {
            CallId = "direct-call",
            CallerIdName = "Moderator",
            CallerIdNumber = "2000",
            PresenceId = "2000@realm.example.com",
            Flags = ["is_moderator", "mute"],
            CustomChannelVars = new JsonObject { ["Owner-ID"] = "owner-9" },
        });

        Assert.NotNull(added);
        Assert.Equal($"conference.event.conference-create.{Sim.AccountId}.{Conf}.{Conf}", (await Sim.Events.NextAsync()).RoutingKey);
        var joined = await Sim.Events.NextAsync();
        Assert.Equal($"conference.event.add-member.{Sim.AccountId}.{Conf}.direct-call", joined.RoutingKey);
        Assert.True(Var(joined.Message, "Is-Moderator"));
        Assert.False(Var(joined.Message, KapiKeys.Speak));
        Assert.True(Var(joined.Message, KapiKeys.Hear));
        Assert.Equal("Moderator", Str(joined.Message, KapiKeys.CallerIdName));
        Assert.Equal("2000@realm.example.com", Str(joined.Message, KapiKeys.ChannelPresenceId));
        Assert.Equal("owner-9", Str(Obj(joined.Message, KapiKeys.CustomChannelVars), "Owner-ID"));
        Assert.Equal(Sim.AccountId, Str(Obj(joined.Message, KapiKeys.CustomChannelVars), KapiHeaders.AccountId));
        var snapshot = Assert.Single(Sim.Simulator.Control.ListConferences());
        Assert.Equal(Conf, snapshot.Conference.Name);
        Assert.Equal(Sim.AccountId, snapshot.Conference.AccountId);
        Assert.Equal("direct-call", Assert.Single(snapshot.Participants).CallId);
        Assert.Null(await Sim.Simulator.Control.AddParticipantAsync(new NewParticipant(Conf, Sim.AccountId) { CallId = "direct-call" }));
    }

    [Fact]
    public async Task Toggling_talking_publishes_start_and_stop_talking()
    {
        var callId = (await Sim.JoinAsync(Conf, "alice")).Single();
        await Sim.EventAsync(E.AddMember);

        var talking = await Sim.Simulator.Control.ToggleTalkingAsync(callId);
        var start = await Sim.Events.NextAsync();
        var silent = await Sim.Simulator.Control.ToggleTalkingAsync(callId);
        var stop = await Sim.Events.NextAsync();

        Assert.True(talking!.ChannelVars.Talking);
        Assert.False(silent!.ChannelVars.Talking);
        Assert.Equal($"conference.event.start-talking.{Sim.AccountId}.{Conf}.{callId}", start.RoutingKey);
        Assert.True(Var(start.Message, KapiKeys.Talking));
        Assert.Equal($"conference.event.stop-talking.{Sim.AccountId}.{Conf}.{callId}", stop.RoutingKey);
        Assert.False(Var(stop.Message, KapiKeys.Talking));
        await Sim.Simulator.Control.SetTalkingAsync(callId, talking: true);
        Assert.Equal(E.StartTalking, EventName((await Sim.Events.NextAsync()).Message));
        Assert.True(Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants).Single()[KapiKeys.ConferenceChannelVars]![KapiKeys.Talking]!.GetValue<bool>());
        Assert.Null(await Sim.Simulator.Control.ToggleTalkingAsync("no-such-call"));
    }

    [Fact]
    public async Task Removing_the_last_participant_ends_the_conference()
    {
        var calls = await Sim.JoinAsync(Conf, "alice", "bob");
        await Sim.Events.TakeAsync(3);

        Assert.NotNull(await Sim.Simulator.Control.RemoveParticipantAsync(calls[0]));
        var memberId = Sim.Simulator.Control.FindParticipant(calls[1])!.MemberId;
        Assert.NotNull(await Sim.Simulator.Control.RemoveParticipantAsync(Conf, memberId));

        var events = await Sim.Events.TakeAsync(3);
        Assert.Equal([E.DelMember, E.DelMember, E.ConferenceDestroy], events.Select(e => EventName(e.Message)));
        Assert.Equal(calls, events.Take(2).Select(e => Str(e.Message, KapiHeaders.CallId)));
        Assert.Empty(Sim.Simulator.Control.ListConferences());
        Assert.Null(await Sim.Simulator.Control.RemoveParticipantAsync(calls[0]));
        Assert.Equal("error", Str(await Sim.SearchConferenceAsync(Conf), KapiHeaders.EventName));
    }

    [Fact]
    public async Task Member_ids_are_unique_and_increasing_across_conferences()
    {
        var ids = new List<long>();
        foreach (var conf in new[] { KazooIds.NewId(), KazooIds.NewId(), KazooIds.NewId() })
        {
            for (var i = 0; i < 2; i++)
            {
                ids.Add((await Sim.Simulator.Control.AddParticipantAsync(new NewParticipant(conf, Sim.AccountId)))!.MemberId);
            }
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
