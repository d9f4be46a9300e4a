using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class ConferenceDefaultsTests
{
    [Fact]
    public void Empty_conference_gets_schema_defaults()
    {
        var result = Validate("conferences", "{}");

        Valid(result);
        JsonEqual("""
            {"conference_numbers":[],
             "member":{"join_deaf":false,"join_muted":true,"numbers":[],"pins":[]},
             "moderator":{"join_deaf":false,"join_muted":false,"numbers":[],"pins":[]},
             "play_name":false}
            """, result.Document);
    }

    [Fact]
    public void Nested_defaults_fill_a_partially_given_object()
    {
        var result = Validate("conferences", """{"member":{"pins":["1234"],"join_muted":false}}""");

        Valid(result);
        JsonEqual("""{"pins":["1234"],"join_muted":false,"join_deaf":false,"numbers":[]}""", result.Document["member"]);
    }

    [Fact]
    public void Present_values_are_never_replaced_by_defaults()
    {
        var result = Validate("conferences", """{"play_name":true,"conference_numbers":["100"],"moderator":{"join_deaf":true}}""");

        Valid(result);
        JsonEqual("true", result.Document["play_name"]);
        JsonEqual("""["100"]""", result.Document["conference_numbers"]);
        JsonEqual("""{"join_deaf":true,"join_muted":false,"numbers":[],"pins":[]}""", result.Document["moderator"]);
    }

    [Fact]
    public void Fields_without_a_default_are_not_added()
    {
        var result = Validate("conferences", "{}");

        Assert.False(result.Document.ContainsKey("name"));
        Assert.False(result.Document.ContainsKey("profile"));
        Assert.False(result.Document["member"]!.AsObject().ContainsKey("play_entry_prompt"));
    }

    [Fact]
    public void No_nested_defaults_inside_a_value_of_the_wrong_type()
    {
        var result = Validate("conferences", """{"member":"everyone"}""");

        HasErrors("""
            {"member":{"type":{"message":"Value did not match type(s): object","target":"object","value":"everyone"}}}
            """, result);
        JsonEqual("\"everyone\"", result.Document["member"]);
    }

    [Fact]
    public void Unknown_fields_are_kept()
    {
        var result = Validate("conferences", """{"ui_metadata":{"origin":"monster"},"custom":"value"}""");

        Valid(result);
        JsonEqual("""{"origin":"monster"}""", result.Document["ui_metadata"]);
        JsonEqual("\"value\"", result.Document["custom"]);
    }

    [Fact]
    public void Relate_relationship_defaults_to_clear()
    {
        var result = Validate("metaflows.relate", """{"participant_id":1,"other_participant":2,"conference_id":"c"}""");

        Valid(result);
        JsonEqual("\"clear\"", result.Document["relationship"]);
    }
}
