namespace Conferences.Core.Tests.Kapi;

/// <summary>What a consumer (e.g. the media-server simulator) rejects (<c>kapi_conference.erl</c>, <c>ecallmgr_conference_command.erl</c>).</summary>
public sealed class KapiMessageValidateTests
{
    private const string CommandHeaders = """
        "Event-Category":"conference","Event-Name":"command","App-Name":"kapps_conference","App-Version":"1.0.0","Msg-ID":"0a1b2c3d4e5f6a7b","Conference-ID":"c"
        """;

    private static IReadOnlyList<string> Problems(KapiMessageDefinition definition, string json) =>
        [.. KapiMessage.Validate(definition, KapiWireFixtures.Parse(json)).Select(p => p.ToString())];

    [Theory]
    [InlineData("7")]
    [InlineData("\"7\"")]
    [InlineData("0")]
    [InlineData("\"12345\"")]
    public void Participant_id_may_be_an_integer_or_a_numeric_string(string participantId)
    {
        Assert.Empty(Problems(KapiConference.MuteParticipant,
            $$"""{{{CommandHeaders}},"Application-Name":"mute_participant","Participant-ID":{{participantId}}}"""));
    }

    [Theory]
    [InlineData("\"seven\"")]
    [InlineData("\"7a\"")]
    [InlineData("\" 7\"")]
    [InlineData("7.5")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[7]")]
    public void Participant_id_of_any_other_shape_is_invalid(string participantId)
    {
        Assert.Equal(["Participant-ID: must be an integer or a numeric string"], Problems(KapiConference.UndeafParticipant,
            $$"""{{{CommandHeaders}},"Application-Name":"undeaf_participant","Participant-ID":{{participantId}}}"""));
    }

    [Fact]
    public void Other_participant_follows_the_same_rule()
    {
        Assert.Equal(["Other-Participant: must be an integer or a numeric string"], Problems(KapiConference.RelateParticipants,
            $$"""{{{CommandHeaders}},"Application-Name":"relate_participants","Participant-ID":7,"Other-Participant":"eight"}"""));
    }

    [Fact]
    public void Missing_required_key_is_a_problem()
    {
        Assert.Equal(["Participant-ID: required key is missing"], Problems(KapiConference.DeafParticipant,
            $$"""{{{CommandHeaders}},"Application-Name":"deaf_participant"}"""));
    }

    [Fact]
    public void Null_required_key_counts_as_missing()
    {
        Assert.Equal(["Participant-ID: required key is missing"], Problems(KapiConference.DeafParticipant,
            $$"""{{{CommandHeaders}},"Application-Name":"deaf_participant","Participant-ID":null}"""));
    }

    [Fact]
    public void Missing_common_headers_are_problems()
    {
        Assert.Equal(["App-Name: required key is missing", "App-Version: required key is missing", "Msg-ID: required key is missing"],
            Problems(KapiConference.Lock, """{"Event-Category":"conference","Event-Name":"command","Application-Name":"lock","Conference-ID":"c"}"""));
    }

    [Theory]
    [InlineData("relate_participants", "\"Participant-ID\":7,\"Other-Participant\":8,\"Relationship\":\"hear\"", "Relationship: must be one of deaf, mute, clear")]
    [InlineData("stop_play", "\"Affects\":\"some\"", "Affects: must be one of current, all")]
    [InlineData("set", "\"Parameter\":\"Moderator-PIN\",\"Value\":\"1\"", "Parameter: must be one of Max-Members, Caller-ID-Name, Caller-ID-Number")]
    public void Value_outside_an_enumeration_is_a_problem(string application, string fields, string problem)
    {
        var definition = KapiConference.FindCommand(application)!;

        Assert.Equal([problem], Problems(definition, $$"""{{{CommandHeaders}},"Application-Name":"{{application}}",{{fields}}}"""));
    }

    [Theory]
    [InlineData("deaf")]
    [InlineData("mute")]
    [InlineData("clear")]
    public void Every_relationship_of_the_enumeration_is_accepted(string relationship)
    {
        Assert.Empty(Problems(KapiConference.RelateParticipants,
            $$"""{{{CommandHeaders}},"Application-Name":"relate_participants","Participant-ID":7,"Other-Participant":8,"Relationship":"{{relationship}}"}"""));
    }

    [Fact]
    public void Command_with_another_application_name_is_a_problem()
    {
        Assert.Equal(["Application-Name: must be \"lock\""],
            Problems(KapiConference.Lock, $$"""{{{CommandHeaders}},"Application-Name":"unlock"}"""));
    }

    [Fact]
    public void Wrong_event_name_is_a_problem()
    {
        Assert.Equal(["Event-Name: must be \"search_resp\""], Problems(KapiConference.SearchResp, """
            {"Event-Category":"conference","Event-Name":"search_req","App-Name":"ecallmgr","App-Version":"5.0.0","Msg-ID":"m","Conference-ID":"c"}
            """));
    }

    [Theory]
    [InlineData("\"Conference-ID\":7", "Conference-ID: must be a string")]
    [InlineData("\"Conference-ID\":\"c\",\"Run-Time\":\"12\"", "Run-Time: must be an integer")]
    [InlineData("\"Conference-ID\":\"c\",\"Locked\":\"false\"", "Locked: must be a boolean")]
    [InlineData("\"Conferences\":[]", "Conferences: must be an object")]
    [InlineData("\"Conference-ID\":\"c\",\"Participants\":{}", "Participants: must be an array")]
    public void Wrong_type_in_a_search_response_is_a_problem(string fields, string problem)
    {
        Assert.Equal([problem], Problems(KapiConference.SearchResp, $$"""
            {"Event-Category":"conference","Event-Name":"search_resp","App-Name":"ecallmgr","App-Version":"5.0.0","Msg-ID":"m",{{fields}}}
            """));
    }

    [Theory]
    [InlineData("\"Endpoints\":[]", "Endpoints: must be a non-empty array of objects")]
    [InlineData("\"Endpoints\":[\"sip:a@b\"]", "Endpoints: must be a non-empty array of objects")]
    [InlineData("\"Endpoints\":[{}],\"Timeout\":\"20\"", "Timeout: must be an integer")]
    [InlineData("\"Endpoints\":[{}],\"Participant-Flags\":[\"mute\",1]", "Participant-Flags: must be an array of strings")]
    [InlineData("\"Endpoints\":[{}],\"Custom-Application-Vars\":\"x\"", "Custom-Application-Vars: must be an object")]
    public void Wrong_type_in_a_dial_is_a_problem(string fields, string problem)
    {
        Assert.Equal([problem], Problems(KapiConference.Dial, $$"""{{{CommandHeaders}},"Application-Name":"dial",{{fields}}}"""));
    }

    [Fact]
    public void Dial_resp_with_or_without_its_application_name_is_valid_but_not_with_another()
    {
        const string body = """
            "Event-Category":"conference","Event-Name":"command","App-Name":"ecallmgr","App-Version":"5.0.0","Msg-ID":"m",
            "Endpoint-Responses":[{"Status":"error","Message":"timeout","Endpoint-ID":"e1"}]
            """;

        Assert.Empty(Problems(KapiConference.DialResp, $$"""{{{body}}}"""));
        Assert.Empty(Problems(KapiConference.DialResp, $$"""{{{body}},"Application-Name":"dial_resp"}"""));
        Assert.Equal(["Application-Name: must be \"dial_resp\""], Problems(KapiConference.DialResp, $$"""{{{body}},"Application-Name":"dial"}"""));
    }

    [Fact]
    public void Undeclared_keys_are_ignored_by_validation()
    {
        Assert.Empty(Problems(KapiConference.Lock, $$"""{{{CommandHeaders}},"Application-Name":"lock","Participant-ID":"anything","X":{} }"""));
    }

    [Fact]
    public void Common_header_of_the_wrong_type_is_a_problem()
    {
        Assert.Equal(["Msg-ID: must be a string"], Problems(KapiConference.Lock, """
            {"Event-Category":"conference","Event-Name":"command","App-Name":"kapps_conference","App-Version":"1.0.0","Msg-ID":42,"Conference-ID":"c","Application-Name":"lock"}
            """));
    }

    [Fact]
    public void Event_without_instance_id_is_a_problem()
    {
        Assert.Equal(["Instance-ID: required key is missing"], Problems(KapiConference.Event, """
            {"Event-Category":"conference","Event-Name":"event","App-Name":"freeswitch","App-Version":"1.0","Msg-ID":"m","Event":"lock","Conference-ID":"c"}
            """));
    }

    [Fact]
    public void Try_get_integer_reads_both_forms_of_participant_id()
    {
        Assert.True(KapiMessage.TryGetInteger(new JsonObject { ["Participant-ID"] = 7 }, "Participant-ID", out var fromInt));
        Assert.True(KapiMessage.TryGetInteger(new JsonObject { ["Participant-ID"] = "7" }, "Participant-ID", out var fromString));
        Assert.False(KapiMessage.TryGetInteger(new JsonObject { ["Participant-ID"] = "seven" }, "Participant-ID", out _));
        Assert.False(KapiMessage.TryGetInteger(new JsonObject(), "Participant-ID", out _));
        Assert.Equal(7, fromInt);
        Assert.Equal(7, fromString);
    }
}
