namespace Conferences.MediaServer.Tests;

/// <summary>How each dial endpoint becomes a leg: call id, endpoint id, caller id, channel vars (<c>ecallmgr_fs_conferences_shared.erl</c>).</summary>
public sealed class DialLegTests : SimulatorTests
{
    [Fact]
    public async Task Leg_call_ids_come_from_the_endpoint_then_the_request_then_are_random()
    {
        var own = Sim.SipEndpoint("sip:own@example.com");
        own[KapiKeys.OutboundCallId] = "endpoint-leg";
        var dial = Sim.Dial(KazooIds.NewId(), own, Sim.SipEndpoint("sip:first@example.com"), Sim.SipEndpoint("sip:second@example.com"));
        dial[KapiKeys.OutboundCallId] = "request-leg";

        var items = Items(await Sim.DialAsync(dial), KapiKeys.EndpointResponses).ToDictionary(i => Str(i, "Endpoint-ID")!, i => Str(i, KapiHeaders.CallId));

        Assert.Equal("endpoint-leg", items["sip:own@example.com"]);
        Assert.Equal("request-leg", items["sip:first@example.com"]);
        Assert.Equal("request-leg-3", items["sip:second@example.com"]);
        var random = Items(await Sim.DialAsync(Sim.Dial(KazooIds.NewId(), Sim.SipEndpoint("sip:x@example.com"))), KapiKeys.EndpointResponses).Single();
        Assert.True(KazooIds.IsHex32(Str(random, KapiHeaders.CallId)!));
    }

    [Fact]
    public async Task Endpoint_id_is_the_route_else_the_endpoint_id_else_the_authorizing_id()
    {
        var device = new JsonObject
        {
            ["Invite-Format"] = "username",
            ["To-User"] = "user1",
            ["To-Realm"] = "realm.example.com",
            ["Endpoint-ID"] = "device-1",
            ["Outbound-Caller-ID-Name"] = "Desk",
            ["Outbound-Caller-ID-Number"] = "1001",
            [KapiKeys.CustomChannelVars] = new JsonObject { ["Authorizing-ID"] = "device-1", ["Owner-ID"] = "owner-1" },
        };
        var authorized = new JsonObject
        {
            ["To-User"] = "user2",
            [KapiKeys.CustomChannelVars] = new JsonObject { ["Authorizing-ID"] = "device-2", [KapiHeaders.AccountId] = Sim.AccountId },
        };
        var dial = Sim.Dial(KazooIds.NewId(), device, authorized);

        var items = Items(await Sim.DialAsync(dial), KapiKeys.EndpointResponses);

        Assert.Equal(["device-1", "device-2"], items.Select(i => Str(i, "Endpoint-ID")).Order());
        var join = await Sim.EventAsync(KapiConferenceEvents.AddMember, Str(items.Single(i => Str(i, "Endpoint-ID") == "device-1"), KapiHeaders.CallId));
        // no caller id in the request: the endpoint's outbound caller id
        Assert.Equal("Desk", Str(join.Message, KapiKeys.CallerIdName));
        Assert.Equal("1001", Str(join.Message, KapiKeys.CallerIdNumber));
        Assert.Equal("user1@realm.example.com", Str(join.Message, KapiKeys.ChannelPresenceId));
        var ccvs = Obj(join.Message, KapiKeys.CustomChannelVars);
        Assert.Equal("owner-1", Str(ccvs, "Owner-ID"));
        Assert.Equal(Sim.AccountId, Str(ccvs, KapiHeaders.AccountId));
        Assert.Equal(Sim.Simulator.Identity.ManagerNode, Str(ccvs, "Ecallmgr-Node"));
    }

    [Fact]
    public async Task Custom_application_vars_of_the_dial_are_kept_on_the_participants()
    {
        var dial = Sim.Dial(Conf, Sim.SipEndpoint("sip:alice@example.com"));
        dial[KapiKeys.CustomApplicationVars] = new JsonObject { ["campaign"] = "spring" };
        await Sim.DialAsync(dial);

        var participant = Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants).Single();

        Assert.Equal("spring", Str(Obj(participant, KapiKeys.CustomApplicationVars), "campaign"));
    }
}
