namespace Conferences.MediaServer.Tests;

/// <summary><c>kick</c>: the member leaves, the last one out ends the conference (<c>ecallmgr_fs_conference_stream.erl</c>, <c>ecallmgr_conference_command.erl</c>).</summary>
public sealed class KickTests : SimulatorTests
{
    [Fact]
    public async Task Kick_hangs_up_the_member_and_the_conference_goes_on()
    {
        await Sim.JoinAsync(Conf, "alice", "bob");
        var joins = await Sim.Events.TakeAsync(3);
        var kicked = joins.Last(e => EventName(e.Message) == E.AddMember).Message;

        await Sim.CommandAsync(Conf, "kick", new JsonObject { [KapiKeys.ParticipantId] = Long(kicked, KapiKeys.ParticipantId) });

        var left = await Sim.Events.NextAsync();
        Assert.Equal($"conference.event.del-member.{Sim.AccountId}.{Conf}.{Str(kicked, KapiHeaders.CallId)}", left.RoutingKey);
        await Sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
        var participants = Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants);
        Assert.DoesNotContain(participants, p => Str(p, KapiHeaders.CallId) == Str(kicked, KapiHeaders.CallId));
        Assert.Single(participants);
    }

    [Fact]
    public async Task Kick_without_participant_id_hangs_up_the_last_member_to_join()
    {
        await Sim.JoinAsync(Conf, "alice");
        var first = await Sim.EventAsync(E.AddMember);
        await Sim.JoinAsync(Conf, "bob");
        var last = await Sim.EventAsync(E.AddMember);

        await Sim.CommandAsync(Conf, "kick");

        var left = await Sim.EventAsync(E.DelMember);
        Assert.Equal(Str(last.Message, KapiHeaders.CallId), Str(left.Message, KapiHeaders.CallId));
        Assert.Equal(Str(first.Message, KapiHeaders.CallId), Str(Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants).Single(), KapiHeaders.CallId));
    }

    [Fact]
    public async Task Kicking_the_last_member_destroys_the_conference_and_stops_its_commands()
    {
        await Sim.JoinAsync(Conf, "alice");
        var created = await Sim.EventAsync(E.ConferenceCreate);
        var joined = await Sim.EventAsync(E.AddMember);

        await Sim.CommandAsync(Conf, "kick", new JsonObject { [KapiKeys.ParticipantId] = Long(joined.Message, KapiKeys.ParticipantId) });

        var left = await Sim.Events.NextAsync();
        Assert.Equal(E.DelMember, EventName(left.Message));
        var destroyed = await Sim.Events.NextAsync();
        Assert.Equal($"conference.event.conference-destroy.{Sim.AccountId}.{Conf}.{Conf}", destroyed.RoutingKey);
        Assert.Equal(Str(created.Message, KapiKeys.InstanceId), Str(destroyed.Message, KapiKeys.InstanceId));
        Assert.Equal("error", Str(await Sim.SearchConferenceAsync(Conf), KapiHeaders.EventName));
        await Sim.CommandAsync(Conf, "lock");
        await Sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
    }

    [Fact]
    public async Task A_conference_started_again_after_its_end_is_a_new_instance_with_its_own_commands()
    {
        await Sim.JoinAsync(Conf, "alice");
        var firstInstance = Str((await Sim.EventAsync(E.ConferenceCreate)).Message, KapiKeys.InstanceId);
        await Sim.CommandAsync(Conf, "kick");
        await Sim.EventAsync(E.ConferenceDestroy);

        await Sim.JoinAsync(Conf, "bob");
        var second = await Sim.EventAsync(E.ConferenceCreate);
        await Sim.CommandAsync(Conf, "lock");

        Assert.NotEqual(firstInstance, Str(second.Message, KapiKeys.InstanceId));
        Assert.Equal(Str(second.Message, KapiKeys.InstanceId), Str((await Sim.EventAsync(E.Lock)).Message, KapiKeys.InstanceId));
    }
}
