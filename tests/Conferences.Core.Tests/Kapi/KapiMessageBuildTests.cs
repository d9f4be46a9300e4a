using static Conferences.Core.Tests.Kapi.KapiTestSenders;

namespace Conferences.Core.Tests.Kapi;

/// <summary>Building wire messages the way <c>kz_api:prepare_api_payload/3</c> does (<c>kz_api.erl</c>).</summary>
public sealed class KapiMessageBuildTests
{
    [Fact]
    public void Build_adds_the_common_headers_and_the_fixed_values()
    {
        var message = KapiMessage.Build(KapiConference.MuteParticipant,
            new JsonObject { ["Conference-ID"] = "4f2d1c", ["Participant-ID"] = 7 }, Commands);

        Carries(message, ("Event-Category", "conference"), ("Event-Name", "command"), ("Application-Name", "mute_participant"),
            ("App-Name", "kapps_conference"), ("App-Version", "1.0.0"), ("Node", "crossbar@api1"));
        Assert.Equal(7, (int?)message["Participant-ID"]);
        Assert.False(message.ContainsKey("Server-ID"));
    }

    [Fact]
    public void Build_generates_a_16_hex_msg_id_when_absent()
    {
        var first = KapiMessage.Build(KapiConference.Lock, new JsonObject { ["Conference-ID"] = "c" }, Commands);
        var second = KapiMessage.Build(KapiConference.Lock, new JsonObject { ["Conference-ID"] = "c" }, Commands);

        var msgId = (string)first["Msg-ID"]!;
        Assert.Matches("^[0-9a-f]{16}$", msgId);
        Assert.NotEqual(msgId, (string?)second["Msg-ID"]);
    }

    [Fact]
    public void Build_keeps_a_given_msg_id_and_app_identity()
    {
        var message = KapiMessage.Build(KapiConference.Dial, new JsonObject
        {
            ["Msg-ID"] = "req-0001",
            ["App-Name"] = "crossbar",
            ["App-Version"] = "4.0.0",
            ["Conference-ID"] = "c",
            ["Endpoints"] = new JsonArray(new JsonObject { ["Route"] = "sip:a@b" }),
        }, Commands);

        Carries(message, ("Msg-ID", "req-0001"), ("App-Name", "crossbar"), ("App-Version", "4.0.0"));
    }

    [Fact]
    public void Build_strips_undeclared_keys_but_keeps_the_default_headers()
    {
        var message = KapiMessage.Build(KapiConference.Kick, new JsonObject
        {
            ["Conference-ID"] = "c",
            ["Participant-ID"] = "7",
            ["Media-Name"] = "not a kick key",
            ["Foo"] = "bar",
            ["Server-ID"] = "reply-q",
            ["Account-ID"] = "acct",
            ["System-Log-ID"] = "log",
        }, Commands);

        Assert.False(message.ContainsKey("Media-Name"));
        Assert.False(message.ContainsKey("Foo"));
        Carries(message, ("Server-ID", "reply-q"), ("Account-ID", "acct"), ("System-Log-ID", "log"), ("Participant-ID", "7"));
    }

    [Fact]
    public void Build_drops_null_and_empty_string_values_also_inside_objects()
    {
        var message = KapiMessage.Build(KapiConference.Dial, new JsonObject
        {
            ["Conference-ID"] = "c",
            ["Endpoints"] = new JsonArray(new JsonObject { ["Route"] = "sip:a@b" }),
            ["Caller-ID-Name"] = "",
            ["Caller-ID-Number"] = null,
            ["Custom-Application-Vars"] = new JsonObject { ["Keep"] = "x", ["Empty"] = "", ["Null"] = null },
            ["Timeout"] = 20,
        }, KapiSender.Crossbar("crossbar@api1"));

        Assert.False(message.ContainsKey("Caller-ID-Name"));
        Assert.False(message.ContainsKey("Caller-ID-Number"));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Keep"] = "x" }, message["Custom-Application-Vars"]));
        Assert.Equal(20, (int?)message["Timeout"]);
    }

    [Fact]
    public void Build_does_not_modify_the_given_fields()
    {
        var fields = new JsonObject { ["Conference-ID"] = "c", ["Foo"] = "bar", ["Empty"] = "" };

        KapiMessage.Build(KapiConference.Lock, fields, Commands);

        Assert.Equal(3, fields.Count);
    }

    [Fact]
    public void Build_strips_dial_resp_application_name_as_kazoo_does()
    {
        var message = KapiMessage.Build(KapiConference.DialResp, new JsonObject
        {
            ["Msg-ID"] = "req-0001",
            ["Endpoint-Responses"] = new JsonArray(new JsonObject { ["Status"] = "success", ["Message"] = "dialing endpoints" }),
        }, KapiSender.Ecallmgr("ecallmgr@mm1"));

        Assert.False(message.ContainsKey("Application-Name"));
        Carries(message, ("Event-Name", "command"), ("App-Name", "ecallmgr"), ("App-Version", "5.0.0"));
    }

    [Fact]
    public void Build_strips_the_undeclared_conference_id_of_participants_resp()
    {
        var message = KapiMessage.Build(KapiConference.ParticipantsResp,
            new JsonObject { ["Conference-ID"] = "c", ["Participants"] = new JsonArray() }, KapiSender.Ecallmgr("e@n"));

        Assert.False(message.ContainsKey("Conference-ID"));
    }

    [Fact]
    public void Build_of_a_search_sets_server_id_and_one_of_the_ids()
    {
        var message = KapiMessage.Build(KapiConference.SearchReq,
            new JsonObject { ["Account-ID"] = "acct", ["Server-ID"] = "reply-q" }, KapiSender.Crossbar("crossbar@api1"));

        Carries(message, ("Event-Name", "search_req"), ("App-Name", "crossbar"), ("App-Version", "4.0.0"), ("Account-ID", "acct"));
    }

    [Fact]
    public void Build_of_an_event_carries_the_freeswitch_identity()
    {
        var message = KapiMessage.Build(KapiConference.Event, new JsonObject
        {
            ["Event"] = "add-member",
            ["Conference-ID"] = "conf",
            ["Instance-ID"] = "uuid",
            ["Account-ID"] = "acct",
            ["Call-ID"] = "a.b c",
            ["Participant-ID"] = 3,
        }, KapiSender.FreeSwitch("freeswitch@fs1"));

        Carries(message, ("App-Name", "freeswitch"), ("App-Version", "1.0"));
        Assert.Equal("conference.event.add-member.acct.conf.a%2Eb+c", KapiRoutingKeys.EventFor(message));
    }

    // each header of the built message, compared as a string
    private static void Carries(JsonObject message, params (string Key, string Value)[] expected)
    {
        foreach (var (key, value) in expected)
        {
            Assert.Equal(value, (string?)message[key]);
        }
    }
}
