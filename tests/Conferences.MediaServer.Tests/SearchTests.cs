namespace Conferences.MediaServer.Tests;

/// <summary>Search on <c>conference.discovery</c> (<c>ecallmgr_fs_conferences.erl</c>, <c>kapi_conference:search_resp/1</c>, <c>kapi_conference:conference_error/1</c>).</summary>
public sealed class SearchTests : SimulatorTests
{
    [Fact]
    public async Task Search_of_a_hosted_conference_answers_the_conference_form()
    {
        var dial = Sim.Dial(Conf, Sim.SipEndpoint("sip:alice@example.com"));
        dial[KapiKeys.CallerIdName] = "Alice";
        dial[KapiKeys.CallerIdNumber] = "1001";
        var callId = Str(Items(await Sim.DialAsync(dial), KapiKeys.EndpointResponses).Single(), KapiHeaders.CallId);
        var before = Gregorian.Now(TimeProvider.System);

        var replies = await Sim.SearchAsync(new JsonObject { [KapiKeys.ConferenceId] = Conf });

        var reply = Assert.Single(replies);
        Assert.Empty(KapiMessage.Validate(KapiConference.SearchResp, reply));
        Assert.Equal("search_resp", Str(reply, KapiHeaders.EventName));
        Assert.Equal("ecallmgr", Str(reply, KapiHeaders.AppName));
        Assert.Equal(Conf, Str(reply, KapiKeys.ConferenceId));
        Assert.NotNull(Str(reply, KapiKeys.Uuid));
        Assert.InRange(Long(reply, KapiKeys.StartTime)!.Value, before - 5, before + 1);
        Assert.InRange(Long(reply, KapiKeys.RunTime)!.Value, 0, 5);
        Assert.False(reply[KapiKeys.Locked]!.GetValue<bool>());
        Assert.Equal(Sim.Simulator.Identity.SwitchHostname, Str(reply, KapiKeys.SwitchHostname));
        Assert.Equal(Sim.Simulator.Identity.SwitchUrl, Str(reply, KapiKeys.SwitchUrl));
        Assert.Equal("127.0.0.1", Str(reply, KapiKeys.SwitchExternalIp));
        Assert.Equal(1, Long(reply, KapiKeys.ParticipantCount));
        var participant = Items(reply, KapiKeys.Participants).Single();
        Assert.Equal(callId, Str(participant, KapiHeaders.CallId));
        Assert.Equal(Conf, Str(participant, "Conference-Name"));
        Assert.Equal(Str(reply, KapiKeys.Uuid), Str(participant, "Conference-UUID"));
        Assert.Equal(Sim.Simulator.Identity.SwitchHostname, Str(participant, KapiKeys.SwitchHostname));
        Assert.Equal(Long(participant, KapiKeys.ParticipantId), Long(Obj(participant, KapiKeys.ConferenceChannelVars), "Member-ID"));
        Assert.InRange(Long(participant, "Join-Time")!.Value, before - 5, before + 1);
        Assert.Equal("Alice", Str(participant, KapiKeys.CallerIdName));
        Assert.Equal("1001", Str(participant, KapiKeys.CallerIdNumber));
        Assert.Equal(Sim.AccountId, Str(Obj(participant, KapiKeys.CustomChannelVars), KapiHeaders.AccountId));
        var vars = Obj(participant, KapiKeys.ConferenceChannelVars);
        Assert.Equal(
            ["Is-Moderator", "Floor", "Video", "See", "Speak", "Hear", "Talking", "Mute-Detect", "Energy-Level", "Current-Energy", "Member-ID", "Member-Ghost"],
            vars.Select(v => v.Key));
        Assert.True(vars["Floor"]!.GetValue<bool>());
        Assert.Equal(20, vars["Energy-Level"]!.GetValue<int>());
        Assert.NotNull(participant[KapiKeys.CustomApplicationVars]);
    }

    [Fact]
    public async Task Search_of_a_conference_not_hosted_answers_a_conference_error_with_the_request()
    {

        var reply = Assert.Single(await Sim.SearchAsync(new JsonObject { [KapiKeys.ConferenceId] = Conf }));

        Assert.Empty(KapiMessage.Validate(KapiConference.ConferenceError, reply));
        Assert.Equal("conference", Str(reply, KapiHeaders.EventCategory));
        Assert.Equal("error", Str(reply, KapiHeaders.EventName));
        Assert.Equal($"Conference {Conf} not found", Str(reply, KapiKeys.ErrorMessage));
        Assert.Equal(Conf, Str(reply, KapiKeys.ConferenceId));
        var request = Obj(reply, KapiKeys.Request);
        Assert.Equal("search_req", Str(request, KapiHeaders.EventName));
        Assert.Equal(Conf, Str(request, KapiKeys.ConferenceId));
        Assert.Equal(Sim.ServerId, Str(request, KapiHeaders.ServerId));
    }

    [Fact]
    public async Task Search_by_account_lists_the_accounts_conferences_with_stats()
    {
        var (first, second) = (KazooIds.NewId(), KazooIds.NewId());
        await Sim.JoinAsync(first, "alice", "bob");
        var dial = Sim.Dial(second, Sim.SipEndpoint("sip:carol@example.com"));
        dial[KapiKeys.ParticipantFlags] = new JsonArray("is_moderator");
        await Sim.DialAsync(dial);
        await Sim.CommandAsync(second, "lock");
        await Sim.EventAsync(KapiConferenceEvents.Lock);

        var reply = Assert.Single(await Sim.SearchAsync(new JsonObject { [KapiHeaders.AccountId] = Sim.AccountId }));

        Assert.Empty(KapiMessage.Validate(KapiConference.SearchResp, reply));
        Assert.Equal(Sim.AccountId, Str(reply, KapiHeaders.AccountId));
        Assert.False(reply.ContainsKey(KapiKeys.ConferenceId));
        var conferences = Obj(reply, KapiKeys.Conferences);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), conferences.Select(c => c.Key).Order(StringComparer.Ordinal));
        var stats = conferences[first]!.AsObject();
        Assert.Equal(2, Long(stats, KapiKeys.ParticipantCount));
        Assert.Equal(2, Long(stats, "Members"));
        Assert.Equal(0, Long(stats, "Moderators"));
        Assert.False(stats["Is-Locked"]!.GetValue<bool>());
        Assert.NotNull(Str(stats, KapiKeys.Uuid));
        Assert.NotNull(Long(stats, KapiKeys.RunTime));
        Assert.NotNull(Long(stats, KapiKeys.StartTime));
        Assert.Equal(Sim.Simulator.Identity.SwitchHostname, Str(stats, KapiKeys.SwitchHostname));
        Assert.Equal(1, Long(conferences[second]!.AsObject(), "Moderators"));
        Assert.True(conferences[second]!["Is-Locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Search_by_an_account_without_conferences_answers_an_empty_map()
    {
        await Sim.JoinAsync(KazooIds.NewId(), "alice");
        var other = KazooIds.NewId();

        var reply = Assert.Single(await Sim.SearchAsync(new JsonObject { [KapiHeaders.AccountId] = other }));

        Assert.Equal("search_resp", Str(reply, KapiHeaders.EventName));
        Assert.Equal(other, Str(reply, KapiHeaders.AccountId));
        Assert.Empty(Obj(reply, KapiKeys.Conferences));
    }

    [Fact]
    public async Task Invalid_searches_and_other_discovery_messages_are_ignored()
    {
        var invalid = new JsonObject
        {
            [KapiHeaders.EventCategory] = "conference",
            [KapiHeaders.EventName] = "search_req",
            [KapiHeaders.AppName] = "crossbar",
            [KapiHeaders.AppVersion] = "4.0.0",
            [KapiHeaders.MsgId] = KazooIds.NewId(),
            [KapiHeaders.ServerId] = Sim.ServerId,
        };
        var discovery = invalid.DeepClone().AsObject();
        discovery[KapiHeaders.EventName] = "discovery_req";
        discovery[KapiKeys.ConferenceId] = KazooIds.NewId();

        await Sim.Publisher.PublishAsync(KapiRoutingKeys.Discovery, invalid, CancellationToken.None);
        await Sim.Publisher.PublishAsync(KapiRoutingKeys.Discovery, discovery, CancellationToken.None);

        await Sim.Replies.AssertNothingAsync(SimulatorHarness.Quiet);
    }
}
