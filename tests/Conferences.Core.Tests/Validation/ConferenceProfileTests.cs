using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class ConferenceProfileTests
{
    [Fact]
    public void Legacy_profile_name_string_is_accepted()
    {
        var result = Validate("conferences", """{"profile":"default"}""");

        Valid(result);
        JsonEqual("\"default\"", result.Document["profile"]);
    }

    [Fact]
    public void Profile_object_is_validated_against_the_profile_schema()
    {
        Valid(Validate("conferences", """
            {"profile":{"rate":16000,"interval":20,"energy-level":100,"comfort-noise":0,"max-members":2,
                        "caller-controls":"default","moh-sound":"local_stream://default","unknown-key":"kept"}}
            """));
    }

    [Fact]
    public void Profile_rate_outside_the_list_fails_enum()
    {
        HasErrors("""
            {"profile.rate":{"enum":{"message":"Value not found in enumerated list of values","target":[8000,12000,16000,24000,32000,44100,48000],"value":1234}}}
            """, Validate("conferences", """{"profile":{"rate":1234}}"""));
    }

    [Fact]
    public void Profile_numbers_outside_their_range_fail_minimum_and_maximum()
    {
        HasErrors("""
            {"profile.energy-level":{"maximum":{"message":"Value must be at most 1800","target":1800,"value":1801}},
             "profile.max-members":{"minimum":{"message":"Value must be at least 2","target":2,"value":1}}}
            """, Validate("conferences", """{"profile":{"energy-level":1801,"max-members":1}}"""));
    }

    [Fact]
    public void Profile_sound_of_the_wrong_type_is_keyed_inside_the_profile()
    {
        HasErrors("""{"profile.enter-sound":{"type":{"message":"Value did not match type(s): string","target":"string","value":3}}}""",
            Validate("conferences", """{"profile":{"enter-sound":3}}"""));
    }

    [Fact]
    public void Profile_given_a_number_is_a_type_error()
    {
        HasErrors("""{"profile":{"type":{"message":"Value did not match type(s): object, string","target":"object, string","value":5}}}""",
            Validate("conferences", """{"profile":5}"""));
    }

    [Fact]
    public void Profile_given_an_array_is_a_type_error()
    {
        var result = Validate("conferences", """{"profile":[]}""");

        HasErrors("""{"profile":{"type":{"message":"Value did not match type(s): object, string","target":"object, string","value":[]}}}""", result);
    }
}
