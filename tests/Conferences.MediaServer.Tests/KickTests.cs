using static Conferences.MediaServer.Tests.Wire;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.MediaServer.Tests;

/// <summary><c>kick</c>: the member leaves, the last one out ends the conference (<c>ecallmgr_fs_conference_stream.erl</c>, <c>ecallmgr_conference_command.erl</c>).</summary>
public sealed class KickTests
{
    [Fact]
    public async Task Kick_hangs_up_the_member_and_the_conference_goes_on()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice", "bob");
        var joins = await sim.Events.TakeAsync(3);
        var kicked = joins.Last(e => EventName(e.Message) == E.AddMember).Message;

        await sim.CommandAsync(conf, "kick", new JsonObject { [KapiKeys.ParticipantId] = Long(kicked, KapiKeys.ParticipantId) });

        var left = await sim.Events.NextAsync();
        Assert.Equal($"conference.event.del-member.{sim.AccountId}.{conf}.{Str(kicked, KapiHeaders.CallId)}", left.RoutingKey);
        await sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
        var participants = Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants);
        Assert.DoesNotContain(participants, p => Str(p, KapiHeaders.CallId) == Str(kicked, KapiHeaders.CallId));
        Assert.Single(participants);
    }

    [Fact]
    public async Task Kick_without_participant_id_hangs_up_the_last_member_to_join()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        var first = await sim.EventAsync(E.AddMember);
        await sim.JoinAsync(conf, "bob");
        var last = await sim.EventAsync(E.AddMember);

        await sim.CommandAsync(conf, "kick");

        var left = await sim.EventAsync(E.DelMember);
        Assert.Equal(Str(last.Message, KapiHeaders.CallId), Str(left.Message, KapiHeaders.CallId));
        Assert.Equal(Str(first.Message, KapiHeaders.CallId), Str(Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants).Single(), KapiHeaders.CallId));
    }

    [Fact]
    public async Task Kicking_the_last_member_destroys_the_conference_and_stops_its_commands()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        var created = await sim.EventAsync(E.ConferenceCreate);
        var joined = await sim.EventAsync(E.AddMember);

        await sim.CommandAsync(conf, "kick", new JsonObject { [KapiKeys.ParticipantId] = Long(joined.Message, KapiKeys.ParticipantId) });

        var left = await sim.Events.NextAsync();
        Assert.Equal(E.DelMember, EventName(left.Message));
        var destroyed = await sim.Events.NextAsync();
        Assert.Equal($"conference.event.conference-destroy.{sim.AccountId}.{conf}.{conf}", destroyed.RoutingKey);
        Assert.Equal(Str(created.Message, KapiKeys.InstanceId), Str(destroyed.Message, KapiKeys.InstanceId));
        Assert.Equal("error", Str(await sim.SearchConferenceAsync(conf), KapiHeaders.EventName));
        await sim.CommandAsync(conf, "lock");
        await sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
    }

    [Fact]
    public async Task A_conference_started_again_after_its_end_is_a_new_instance_with_its_own_commands()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        var firstInstance = Str((await sim.EventAsync(E.ConferenceCreate)).Message, KapiKeys.InstanceId);
        await sim.CommandAsync(conf, "kick");
        await sim.EventAsync(E.ConferenceDestroy);

        await sim.JoinAsync(conf, "bob");
        var second = await sim.EventAsync(E.ConferenceCreate);
        await sim.CommandAsync(conf, "lock");

        Assert.NotEqual(firstInstance, Str(second.Message, KapiKeys.InstanceId));
        Assert.Equal(Str(second.Message, KapiKeys.InstanceId), Str((await sim.EventAsync(E.Lock)).Message, KapiKeys.InstanceId));
    }
}
