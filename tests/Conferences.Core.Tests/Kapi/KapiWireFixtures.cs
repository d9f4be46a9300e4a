namespace Conferences.Core.Tests.Kapi;

/// <summary>
/// Hand-written wire messages, one per message of the kapi table, shaped as Kazoo puts them on the bus
/// (<c>kapi_conference.erl</c>). The <c>kapi_conference:search_resp/1</c>, <c>kapps_conference_command.erl</c> examples are verbatim, ellipses included.
/// </summary>
internal static class KapiWireFixtures
{
    public const string SearchRespExample = """
        {"Event-Category":"conference","Event-Name":"search_resp","App-Name":"ecallmgr","App-Version":"5.0.0",
         "Msg-ID":"9c0f…","Node":"ecallmgr@mm1","Conference-ID":"4f2d…1c","UUID":"e5f6…","Run-Time":120,
         "Start-Time":63880000000,"Locked":false,"Switch-Hostname":"fs1.example.com","Participant-Count":1,
         "Participants":[{"Call-ID":"a1b2c3","Participant-ID":7,"Join-Time":63880000010,
           "Conference-Channel-Vars":{"Is-Moderator":false,"Speak":true,"Hear":true,"Member-ID":7}}]}
        """;

    public const string MuteParticipantExample = """
        {"Event-Category":"conference","Event-Name":"command","App-Name":"kapps_conference","App-Version":"1.0.0",
         "Msg-ID":"51e0…","Node":"crossbar@api1","Application-Name":"mute_participant","Conference-ID":"4f2d…1c","Participant-ID":7}
        """;

    /// <summary>The AMQP message behind the websocket frame of docs/websocket.md, before normalisation.</summary>
    public const string MuteMemberEventOfSection7 = """
        {"Event-Category":"conference","Event-Name":"event","App-Name":"freeswitch","App-Version":"1.0","Msg-ID":"3f1a9b2c4d5e6f70",
         "Node":"freeswitch@fs1","Account-ID":"4b31dd","Call-ID":"a1b2c3","Event":"mute-member","Conference-ID":"4f2d1c",
         "Instance-ID":"e5f6…","Participant-ID":7,"Caller-ID-Name":"Alice","Caller-ID-Number":"1001",
         "Channel-Presence-ID":"1001@realm","Custom-Channel-Vars":{"Account-ID":"4b31dd","Authorizing-Type":"device"},
         "Conference-Channel-Vars":{"Is-Moderator":false,"Speak":false,"Hear":true,"Talking":false,"Member-ID":7}}
        """;

    public const string MuteMemberEventRoutingKeyOfSection7 = "conference.event.mute-member.4b31dd.4f2d1c.a1b2c3";

    private const string Crossbar = """
        "App-Name":"crossbar","App-Version":"4.0.0","Node":"crossbar@api1"
        """;

    private const string Commands = """
        "Event-Category":"conference","Event-Name":"command","App-Name":"kapps_conference","App-Version":"1.0.0",
        "Node":"crossbar@api1","Msg-ID":"0a1b2c3d4e5f6a7b","Conference-ID":"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a"
        """;

    private const string Ecallmgr = """
        "App-Name":"ecallmgr","App-Version":"5.0.0","Node":"ecallmgr@mm1","Msg-ID":"0a1b2c3d4e5f6a7b"
        """;

    /// <summary>Fixture name → (kapi definition name, wire JSON).</summary>
    public static readonly IReadOnlyDictionary<string, (string Definition, string Json)> All = new Dictionary<string, (string, string)>
    {
        ["search_req (conference)"] = ("search_req", $$"""
            {"Event-Category":"conference","Event-Name":"search_req",{{Crossbar}},"Msg-ID":"0a1b2c3d4e5f6a7b",
             "Server-ID":"crossbar-api1-reply-7f3e","System-Log-ID":"0a1b2c3d4e5f6a7b","Conference-ID":"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a"}
            """),
        ["search_req (account)"] = ("search_req", $$"""
            {"Event-Category":"conference","Event-Name":"search_req",{{Crossbar}},"Msg-ID":"0a1b2c3d4e5f6a7b",
             "Server-ID":"crossbar-api1-reply-7f3e","Account-ID":"4b31dd0a4b31dd0a4b31dd0a4b31dd0a"}
            """),
        ["search_resp (kapi_conference:search_resp/1 example)"] = ("search_resp", SearchRespExample),
        ["search_resp (account)"] = ("search_resp", $$"""
            {"Event-Category":"conference","Event-Name":"search_resp",{{Ecallmgr}},"Account-ID":"4b31dd0a4b31dd0a4b31dd0a4b31dd0a",
             "Conferences":{"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a":{"UUID":"e5f6","Run-Time":12,"Start-Time":63880000000,
               "Is-Locked":false,"Switch-Hostname":"fs1.example.com","Participant-Count":2,"Moderators":1,"Members":1} } }
            """),
        ["search_resp (account, none running)"] = ("search_resp", $$"""
            {"Event-Category":"conference","Event-Name":"search_resp",{{Ecallmgr}},"Account-ID":"4b31dd0a4b31dd0a4b31dd0a4b31dd0a","Conferences":{} }
            """),
        ["conference_error"] = ("conference_error", $$"""
            {"Event-Category":"conference","Event-Name":"error",{{Ecallmgr}},"Conference-ID":"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a",
             "Error-Message":"Conference 4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a not found",
             "Request":{"Event-Category":"conference","Event-Name":"search_req","Conference-ID":"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a"} }
            """),
        ["lock"] = ("lock", $$"""{{{Commands}},"Application-Name":"lock"}"""),
        ["unlock"] = ("unlock", $$"""{{{Commands}},"Application-Name":"unlock"}"""),
        ["mute_participant (kapps_conference_command.erl example)"] = ("mute_participant", MuteParticipantExample),
        ["mute_participant (bulk, string id)"] = ("mute_participant", $$"""{{{Commands}},"Application-Name":"mute_participant","Participant-ID":"7"}"""),
        ["unmute_participant"] = ("unmute_participant", $$"""{{{Commands}},"Application-Name":"unmute_participant","Participant-ID":7}"""),
        ["deaf_participant"] = ("deaf_participant", $$"""{{{Commands}},"Application-Name":"deaf_participant","Participant-ID":7}"""),
        ["undeaf_participant"] = ("undeaf_participant", $$"""{{{Commands}},"Application-Name":"undeaf_participant","Participant-ID":"7"}"""),
        ["kick (participant)"] = ("kick", $$"""{{{Commands}},"Application-Name":"kick","Participant-ID":7}"""),
        ["kick (last member)"] = ("kick", $$"""{{{Commands}},"Application-Name":"kick"}"""),
        ["play (conference)"] = ("play", $$"""{{{Commands}},"Application-Name":"play","Media-Name":"/system_media/conf-welcome"}"""),
        ["play (participant)"] = ("play", $$"""
            {{{Commands}},"Application-Name":"play","Media-Name":"tone_stream://%(200,0,500)","Participant-ID":7,"Call-ID":"a1b2c3"}
            """),
        ["relate_participants"] = ("relate_participants", $$"""
            {{{Commands}},"Application-Name":"relate_participants","Participant-ID":7,"Other-Participant":"8","Relationship":"mute"}
            """),
        ["relate_participants (no relationship)"] = ("relate_participants", $$"""
            {{{Commands}},"Application-Name":"relate_participants","Participant-ID":"7","Other-Participant":8}
            """),
        ["record"] = ("record", $$"""{{{Commands}},"Application-Name":"record","Media-Name":"conf_4f2d1c.mp3"}"""),
        ["recordstop"] = ("recordstop", $$"""{{{Commands}},"Application-Name":"recordstop","Media-Name":"conf_4f2d1c.mp3","Call-ID":"a1b2c3"}"""),
        ["stop_play"] = ("stop_play", $$"""{{{Commands}},"Application-Name":"stop_play","Participant-ID":7,"Affects":"all"}"""),
        ["participant_energy"] = ("participant_energy", $$"""{{{Commands}},"Application-Name":"participant_energy","Participant-ID":7,"Energy-Level":20}"""),
        ["participant_volume_in"] = ("participant_volume_in", $$"""{{{Commands}},"Application-Name":"participant_volume_in","Participant-ID":7,"Volume-In-Level":-2}"""),
        ["participant_volume_out"] = ("participant_volume_out", $$"""{{{Commands}},"Application-Name":"participant_volume_out","Participant-ID":7,"Volume-Out-Level":"3"}"""),
        ["set"] = ("set", $$"""{{{Commands}},"Application-Name":"set","Parameter":"Max-Members","Value":"10"}"""),
        ["participants_req"] = ("participants_req", $$"""{{{Commands}},"Application-Name":"participants"}"""),
        ["participants_resp"] = ("participants_resp", $$"""
            {"Event-Category":"conference","Event-Name":"participants_resp",{{Ecallmgr}},"Participants":[{"Call-ID":"a1b2c3","Participant-ID":7}]}
            """),
        ["dial"] = ("dial", $$"""
            {"Event-Category":"conference","Event-Name":"command","Application-Name":"dial",{{Crossbar}},
             "Msg-ID":"6d2a7c1e9b3f4a5d8e0c1b2a3f4e5d6c","Server-ID":"crossbar-api1-reply-7f3e",
             "Account-ID":"4b31dd0a4b31dd0a4b31dd0a4b31dd0a","Conference-ID":"4f2d1c0a4f2d1c0a4f2d1c0a4f2d1c0a",
             "Endpoints":[{"Invite-Format":"route","Route":"sip:alice@example.com","To-DID":"alice","Endpoint-ID":"e1"}],
             "Caller-ID-Name":"Conference","Caller-ID-Number":"1000","Custom-Application-Vars":{"Source":"api"},
             "Outbound-Call-ID":"b2c3d4","Participant-Flags":["mute","is_moderator"],"Profile-Name":"default",
             "Target-Call-ID":"a1b2c3","Timeout":20}
            """),
        ["dial_resp"] = ("dial_resp", $$"""
            {"Event-Category":"conference","Event-Name":"command",{{Ecallmgr}},
             "Endpoint-Responses":[{"Status":"success","Message":"dialing endpoints","Endpoint-ID":"sip:alice@example.com","Call-ID":"b2c3d4"},
                                   {"Status":"error","Message":"USER_BUSY","Endpoint-ID":"sip:busy@example.com"}]}
            """),
        ["event (docs/websocket.md, mute-member)"] = ("event", MuteMemberEventOfSection7),
        ["event (conference-create)"] = ("event", """
            {"Event-Category":"conference","Event-Name":"event","App-Name":"freeswitch","App-Version":"1.0","Msg-ID":"3f1a9b2c4d5e6f71",
             "Node":"freeswitch@fs1","Account-ID":"4b31dd","Event":"conference-create","Conference-ID":"4f2d1c","Instance-ID":"e5f6"}
            """),
        ["participant_event (legacy)"] = ("participant_event", """
            {"Event-Category":"conference","Event-Name":"participant_event","App-Name":"freeswitch","App-Version":"1.0",
             "Msg-ID":"3f1a9b2c4d5e6f72","Node":"freeswitch@fs1","Event":"mute-member","Call-ID":"a1b2c3","Focus":"freeswitch@fs1",
             "Conference-ID":"4f2d1c","Instance-ID":"e5f6","Participant-ID":7,"Floor":false,"Hear":true,"Speak":false,
             "Talking":false,"Current-Energy":0,"Energy-Level":20,"Video":false,"Mute-Detect":false,
             "Caller-ID-Name":"Alice","Caller-ID-Number":"1001","Channel-Presence-ID":"1001@realm",
             "Custom-Channel-Vars":{"Account-ID":"4b31dd"}}
            """),
    };

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
