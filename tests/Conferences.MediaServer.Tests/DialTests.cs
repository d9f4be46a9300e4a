namespace Conferences.MediaServer.Tests;

/// <summary>Dial on <c>conference.command.local</c> (<c>ecallmgr_fs_conferences_shared.erl</c>, docs/amqp.md).</summary>
public sealed class DialTests : SimulatorTests
{
    [Fact]
    public async Task Dial_of_two_sip_endpoints_joins_both_and_answers_one_dial_resp()
    {
        var dial = Sim.Dial(Conf, Sim.SipEndpoint("sip:alice@example.com"), Sim.SipEndpoint("sip:bob@example.com"));
        dial[KapiKeys.CallerIdName] = "Conference";
        dial[KapiKeys.CallerIdNumber] = "5550100";

        var reply = await Sim.DialAsync(dial);

        Assert.Equal("conference", Str(reply, KapiHeaders.EventCategory));
        Assert.Equal("command", Str(reply, KapiHeaders.EventName));
        Assert.Equal(Str(dial, KapiHeaders.MsgId), Str(reply, KapiHeaders.MsgId));
        Assert.Equal("ecallmgr", Str(reply, KapiHeaders.AppName));
        Assert.Equal(Sim.Simulator.Identity.ManagerNode, Str(reply, KapiHeaders.Node));
        Assert.False(reply.ContainsKey(KapiKeys.ApplicationName));
        var items = Items(reply, KapiKeys.EndpointResponses).OrderBy(i => Str(i, "Endpoint-ID")).ToList();
        Assert.Equal(["sip:alice@example.com", "sip:bob@example.com"], items.Select(i => Str(i, "Endpoint-ID")));
        Assert.All(items, i =>
        {
            Assert.Equal("success", Str(i, "Status"));
            Assert.Equal("dialing endpoints", Str(i, "Message"));
            Assert.True(KazooIds.IsHex32(Str(i, KapiHeaders.CallId)!));
        });

        var create = await Sim.Events.NextAsync();
        Assert.Equal($"conference.event.conference-create.{Sim.AccountId}.{Conf}.{Conf}", create.RoutingKey);
        Assert.Equal("conference", create.Exchange);
        Assert.False(create.Message.ContainsKey(KapiHeaders.CallId));
        var joins = await Sim.Events.TakeAsync(2);
        foreach (var (join, item) in joins.Zip(joins.Select(j => items.Single(i => Str(i, KapiHeaders.CallId) == Str(j.Message, KapiHeaders.CallId)))))
        {
            var callId = Str(item, KapiHeaders.CallId)!;
            Assert.Equal($"conference.event.add-member.{Sim.AccountId}.{Conf}.{callId}", join.RoutingKey);
            Assert.Equal("freeswitch", Str(join.Message, KapiHeaders.AppName));
            Assert.Equal("1.0", Str(join.Message, KapiHeaders.AppVersion));
            Assert.Equal(Sim.Simulator.Identity.MediaNode, Str(join.Message, KapiHeaders.Node));
            Assert.Equal(Str(create.Message, KapiKeys.InstanceId), Str(join.Message, KapiKeys.InstanceId));
            Assert.Equal("Conference", Str(join.Message, KapiKeys.CallerIdName));
            Assert.Equal("5550100", Str(join.Message, KapiKeys.CallerIdNumber));
            Assert.Equal(Sim.AccountId, Str(Obj(join.Message, KapiKeys.CustomChannelVars), KapiHeaders.AccountId));
            Assert.Equal(Str(item, "Endpoint-ID")!["sip:".Length..], Str(join.Message, KapiKeys.ChannelPresenceId));
            Assert.Equal(Long(join.Message, KapiKeys.ParticipantId), Long(Obj(join.Message, KapiKeys.ConferenceChannelVars), "Member-ID"));
            Assert.False(Var(join.Message, "Is-Moderator"));
            Assert.True(Var(join.Message, KapiKeys.Speak));
            Assert.True(Var(join.Message, KapiKeys.Hear));
            Assert.Empty(KapiMessage.Validate(KapiConference.Event, join.Message));
        }
        await Sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
    }

    [Fact]
    public async Task Dial_with_participant_flags_sets_the_initial_state_and_joins_the_running_conference()
    {
        await Sim.JoinAsync(Conf, "alice");
        await Sim.EventAsync(KapiConferenceEvents.AddMember);

        var dial = Sim.Dial(Conf, Sim.SipEndpoint("sip:moderator@example.com"));
        dial[KapiKeys.ParticipantFlags] = new JsonArray("is_moderator", "mute", "deaf");
        var reply = await Sim.DialAsync(dial);

        var callId = Str(Items(reply, KapiKeys.EndpointResponses).Single(), KapiHeaders.CallId);
        var join = await Sim.EventAsync(KapiConferenceEvents.AddMember, callId);
        Assert.True(Var(join.Message, "Is-Moderator"));
        Assert.False(Var(join.Message, KapiKeys.Speak));
        Assert.False(Var(join.Message, KapiKeys.Hear));
        Assert.DoesNotContain(Sim.Events.Drain(), e => EventName(e.Message) == KapiConferenceEvents.ConferenceCreate);
        var search = await Sim.SearchConferenceAsync(Conf);
        Assert.Equal(2, Long(search, KapiKeys.ParticipantCount));
    }

    [Fact]
    public async Task Busy_noanswer_and_fail_endpoints_answer_their_errors_after_their_delays()
    {
        var dial = Sim.Dial(Conf,
            Sim.SipEndpoint("sip:busy@example.com"), Sim.SipEndpoint("sip:noanswer@example.com"),
            Sim.SipEndpoint("sip:fail@example.com"), Sim.SipEndpoint("sip:carol@example.com"));
        var watch = Stopwatch.StartNew();

        var reply = await Sim.DialAsync(dial);

        // Timeout 20 s at TimeScale 0.01: the no-answer leg rings 200 ms, and the reply waits for every leg
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(180), $"answered after {watch.ElapsedMilliseconds} ms");
        var items = Items(reply, KapiKeys.EndpointResponses).ToDictionary(i => Str(i, "Endpoint-ID")!);
        Assert.Equal(new JsonObject { ["Status"] = "error", ["Message"] = "USER_BUSY", ["Endpoint-ID"] = "sip:busy@example.com" }.ToJsonString(), items["sip:busy@example.com"].ToJsonString());
        Assert.Equal(new JsonObject { ["Status"] = "error", ["Message"] = "timeout", ["Endpoint-ID"] = "sip:noanswer@example.com" }.ToJsonString(), items["sip:noanswer@example.com"].ToJsonString());
        Assert.Equal("unknown failure", Str(items["sip:fail@example.com"], "Message"));
        Assert.False(items["sip:fail@example.com"].ContainsKey(KapiHeaders.CallId));
        Assert.Equal("success", Str(items["sip:carol@example.com"], "Status"));
        var search = await Sim.SearchConferenceAsync(Conf);
        Assert.Equal(1, Long(search, KapiKeys.ParticipantCount));
    }

    [Fact]
    public async Task A_dial_where_nobody_answers_starts_no_conference()
    {

        var reply = await Sim.DialAsync(Sim.Dial(Conf, Sim.SipEndpoint("sip:busy@example.com")));

        Assert.Equal("USER_BUSY", Str(Items(reply, KapiKeys.EndpointResponses).Single(), "Message"));
        await Sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
        Assert.Equal("error", Str(await Sim.SearchConferenceAsync(Conf), KapiHeaders.EventName));
    }

    [Fact]
    public async Task An_invalid_dial_is_dropped_without_reply()
    {
        var message = KapiMessage.Build(KapiConference.Dial, Sim.Dial(KazooIds.NewId(), Sim.SipEndpoint("sip:a@example.com")), SimulatorHarness.Crossbar);
        message[KapiKeys.Endpoints] = new JsonArray();

        await Sim.Publisher.PublishAsync(KapiRoutingKeys.Dial(), message, CancellationToken.None);

        await Sim.Replies.AssertNothingAsync(SimulatorHarness.Quiet);
        await Sim.Events.AssertNothingAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_dial_for_another_zone_is_not_taken()
    {
        var message = KapiMessage.Build(KapiConference.Dial, Sim.Dial(KazooIds.NewId(), Sim.SipEndpoint("sip:a@example.com")), SimulatorHarness.Crossbar);

        await Sim.Publisher.PublishAsync(KapiRoutingKeys.Dial("east"), message, CancellationToken.None);

        await Sim.Replies.AssertNothingAsync(SimulatorHarness.Quiet);
    }
}
