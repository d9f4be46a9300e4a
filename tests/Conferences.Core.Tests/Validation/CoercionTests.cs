using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class CoercionTests
{
    [Theory]
    [InlineData("\"true\"", "true")]
    [InlineData("\"false\"", "false")]
    public void Boolean_string_is_coerced_to_boolean(string given, string expected)
    {
        var result = Validate("conferences", $$$"""{"play_welcome":{{{given}}},"member":{"join_muted":{{{given}}}}}""");

        Valid(result);
        JsonEqual(expected, result.Document["play_welcome"]);
        JsonEqual(expected, result.Document["member"]!["join_muted"]);
    }

    [Theory]
    [InlineData("\"10\"", "10")]
    [InlineData("\"10.0\"", "10")]
    [InlineData("\"10.5\"", "11")]
    [InlineData("\"-2.5\"", "-3")]
    [InlineData("\"+7\"", "7")]
    [InlineData("10.4", "10")]
    [InlineData("1e2", "100")]
    public void Integer_coercion_follows_kazoo_rounding(string given, string expected)
    {
        var result = Validate("conferences", $$$"""{"max_participants":{{{given}}}}""");

        Valid(result);
        JsonEqual(expected, result.Document["max_participants"]);
    }

    [Theory]
    [InlineData("\"ten\"")]
    [InlineData("\" 10\"")]
    [InlineData("\"1e3\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[1]")]
    public void Values_that_cannot_be_converted_stay_type_errors(string given)
    {
        var result = Validate("conferences", $$$"""{"max_participants":{{{given}}}}""");

        HasErrors(TypeError("max_participants", "integer", given), result);
        JsonEqual(given, result.Document["max_participants"]);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"yes\"")]
    [InlineData("\"TRUE\"")]
    public void Only_true_and_false_strings_become_booleans(string given)
    {
        var result = Validate("conferences", $$$"""{"play_name":{{{given}}}}""");

        HasErrors(TypeError("play_name", "boolean", given), result);
    }

    [Fact]
    public void Numbers_are_not_coerced_to_strings()
    {
        var result = Validate("conferences", """{"name":42}""");

        HasErrors("""{"name":{"type":{"message":"Value did not match type(s): string","target":"string","value":42}}}""", result);
    }

    [Fact]
    public void Coerced_value_is_validated_again_against_its_other_constraints()
    {
        var result = Validate("conferences", """{"profile":{"rate":"1234","interval":"5"}}""");

        HasErrors("""
            {"profile.rate":{"enum":{"message":"Value not found in enumerated list of values","target":[8000,12000,16000,24000,32000,44100,48000],"value":1234}},
             "profile.interval":{"minimum":{"message":"Value must be at least 10","target":10,"value":5}}}
            """, result);
    }

    [Fact]
    public void Coercion_reaches_into_the_profile_reference()
    {
        var result = Validate("conferences", """{"profile":{"rate":"16000","max-members":"5"}}""");

        Valid(result);
        JsonEqual("""{"rate":16000,"max-members":5}""", result.Document["profile"]);
    }

    [Fact]
    public void Only_errors_left_after_coercion_are_reported()
    {
        var result = Validate("conferences", """{"max_participants":"10","name":""}""");

        HasErrors("""{"name":{"minLength":{"message":"String must be at least 1 characters","target":1,"cause":"","value":""}}}""", result);
        JsonEqual("10", result.Document["max_participants"]);
    }

    [Fact]
    public void Dial_timeout_string_is_coerced()
    {
        var result = Validate("conferences.dial", """{"endpoints":["1000"],"timeout":"30"}""");

        Valid(result);
        JsonEqual("30", result.Document["timeout"]);
    }

    // the type error Kazoo reports for a value it could not convert (given as its JSON)
    private static string TypeError(string field, string type, string given) =>
        $$"""{"{{field}}":{"type":{"message":"Value did not match type(s): {{type}}","target":"{{type}}","value":""" + given + "}}}";
}
