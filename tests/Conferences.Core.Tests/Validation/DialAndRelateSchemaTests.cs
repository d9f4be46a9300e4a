using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class DialAndRelateSchemaTests
{
    [Fact]
    public void Dial_without_endpoints_fails_required()
    {
        HasErrors("""{"endpoints":{"required":{"message":"Field is required but missing","value":"endpoints"}}}""",
            Validate("conferences.dial", "{}"));
    }

    [Fact]
    public void Dial_with_an_empty_endpoint_list_fails_min_items()
    {
        HasErrors("""{"endpoints":{"minItems":{"message":"The list must have at least 1 items","target":1,"value":[]}}}""",
            Validate("conferences.dial", """{"endpoints":[]}"""));
    }

    [Fact]
    public void Dial_accepts_strings_and_device_objects_as_endpoints()
    {
        var result = Validate("conferences.dial", """
            {"endpoints":["sip:alice@example.com","2125551234",{"sip":{"username":"bob"}}],
             "caller_id_name":"Conf","caller_id_number":"100","timeout":20,
             "participant_flags":["mute","is_moderator"],"profile_name":"default","target_call_id":"abc",
             "outbound_call_id":"not-in-schema"}
            """);

        Valid(result);
        Assert.Equal(5, result.Document.Count - 3);
    }

    [Fact]
    public void Dial_endpoint_of_another_type_fails_one_of_at_its_index()
    {
        HasErrors("""{"endpoints.1":{"not_one_schema_valid":{"message":"failed to validate","value":42}}}""",
            Validate("conferences.dial", """{"endpoints":["1000",42]}"""));
    }

    [Fact]
    public void Dial_unknown_participant_flag_fails_enum()
    {
        HasErrors("""
            {"participant_flags.0":{"enum":{"message":"Value not found in enumerated list of values",
              "target":["mute","deaf","distribute_dtmf","is_moderator","disable_moh","ghost","join_existing","video_mute"],"value":"loud"}}}
            """, Validate("conferences.dial", """{"endpoints":["1000"],"participant_flags":["loud"]}"""));
    }

    [Fact]
    public void Dial_timeout_below_one_fails_minimum()
    {
        HasErrors("""{"timeout":{"minimum":{"message":"Value must be at least 1","target":1,"value":0}}}""",
            Validate("conferences.dial", """{"endpoints":["1000"],"timeout":0}"""));
    }

    [Fact]
    public void Relate_accepts_string_or_integer_participant_ids()
    {
        Valid(Validate("metaflows.relate", """{"participant_id":"7","other_participant":8,"conference_id":"c","relationship":"mute"}"""));
        Valid(Validate("metaflows.relate", """{"participant_id":7,"other_participant":"8","conference_id":"c","relationship":"deaf"}"""));
    }

    [Fact]
    public void Relate_missing_fields_are_each_required()
    {
        HasErrors("""
            {"participant_id":{"required":{"message":"Field is required but missing","value":"participant_id"}},
             "other_participant":{"required":{"message":"Field is required but missing","value":"other_participant"}},
             "conference_id":{"required":{"message":"Field is required but missing","value":"conference_id"}}}
            """, Validate("metaflows.relate", "{}"));
    }

    [Fact]
    public void Relate_unknown_relationship_fails_enum()
    {
        HasErrors("""{"relationship":{"enum":{"message":"Value not found in enumerated list of values","target":["deaf","clear","mute"],"value":"ignore"}}}""",
            Validate("metaflows.relate", """{"participant_id":1,"other_participant":2,"conference_id":"c","relationship":"ignore"}"""));
    }

    [Fact]
    public void Relate_participant_id_of_another_type_fails_one_of()
    {
        HasErrors("""{"participant_id":{"not_one_schema_valid":{"message":"failed to validate","value":true}}}""",
            Validate("metaflows.relate", """{"participant_id":true,"other_participant":2,"conference_id":"c"}"""));
    }
}
