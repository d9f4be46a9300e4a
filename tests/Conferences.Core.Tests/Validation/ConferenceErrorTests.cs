using static Conferences.Core.Tests.Validation.SchemaAssert;

namespace Conferences.Core.Tests.Validation;

public sealed class ConferenceErrorTests
{
    [Fact]
    public void Empty_name_fails_min_length()
    {
        HasErrors("""{"name":{"minLength":{"message":"String must be at least 1 characters","target":1,"cause":"","value":""}}}""",
            Validate("conferences", """{"name":""}"""));
    }

    [Theory]
    [InlineData("name", 'n', 129, "maxLength", "String must not be more than 128 characters", 128)]
    [InlineData("owner_id", 'a', 31, "minLength", "String must be at least 32 characters", 32)]
    [InlineData("owner_id", 'a', 33, "maxLength", "String must not be more than 32 characters", 32)]
    public void A_string_past_its_length_bound_fails_it_naming_the_value(string field, char letter, int length, string keyword, string message, int target)
    {
        var value = new string(letter, length);

        HasErrors($$$$"""{"{{{{field}}}}":{"{{{{keyword}}}}":{"message":"{{{{message}}}}","target":{{{{target}}}},"cause":"{{{{value}}}}","value":"{{{{value}}}}"}}}""",
            Validate("conferences", $$"""{"{{field}}":"{{value}}"}"""));
    }

    [Fact]
    public void Name_of_128_characters_is_valid()
    {
        Valid(Validate("conferences", $$"""{"name":"{{new string('n', 128)}}"}"""));
    }

    [Fact]
    public void String_length_counts_characters_not_utf16_units()
    {
        // 32 characters, 33 UTF-16 units
        var owner = new string('a', 31) + "\U0001F600";
        Valid(Validate("conferences", $$"""{"owner_id":"{{owner}}"}"""));

        // 31 characters, 32 UTF-16 units
        var shortOwner = new string('a', 30) + "\U0001F600";
        var result = Validate("conferences", $$"""{"owner_id":"{{shortOwner}}"}""");
        Assert.Equal(["owner_id"], result.Errors.Select(e => e.Key));
        Assert.True(result.Errors["owner_id"]!.AsObject().ContainsKey("minLength"));
    }

    [Fact]
    public void Non_digit_conference_number_fails_pattern_at_its_index()
    {
        HasErrors("""{"conference_numbers.1":{"pattern":{"message":"Failed to match pattern '^[0-9]+$'","target":"^[0-9]+$","value":"abc"}}}""",
            Validate("conferences", """{"conference_numbers":["100","abc"]}"""));
    }

    [Fact]
    public void First_bad_conference_number_is_keyed_with_index_zero()
    {
        HasErrors("""{"conference_numbers.0":{"pattern":{"message":"Failed to match pattern '^[0-9]+$'","target":"^[0-9]+$","value":"abc"}}}""",
            Validate("conferences", """{"conference_numbers":["abc"]}"""));
    }

    [Fact]
    public void Duplicate_numbers_fail_unique_items()
    {
        HasErrors("""{"member.numbers":{"uniqueItems":{"message":"List of items is not unique","value":["100","100"]}}}""",
            Validate("conferences", """{"member":{"numbers":["100","100"]}}"""));
    }

    [Fact]
    public void Items_of_different_json_types_are_not_duplicates()
    {
        HasErrors("""{"conference_numbers.1":{"type":{"message":"Value did not match type(s): string","target":"string","value":100}}}""",
            Validate("conferences", """{"conference_numbers":["100",100]}"""));
    }

    [Fact]
    public void Duplicate_pins_are_allowed()
    {
        Valid(Validate("conferences", """{"member":{"pins":["1234","1234"]},"moderator":{"pins":["1","1"]}}"""));
    }

    [Fact]
    public void Numeric_pin_is_a_type_error_not_coerced_to_string()
    {
        HasErrors("""{"moderator.pins.0":{"type":{"message":"Value did not match type(s): string","target":"string","value":1234}}}""",
            Validate("conferences", """{"moderator":{"pins":[1234]}}"""));
    }

    [Fact]
    public void Array_field_given_a_string_is_a_type_error()
    {
        HasErrors("""{"conference_numbers":{"type":{"message":"Value did not match type(s): array","target":"array","value":"100"}}}""",
            Validate("conferences", """{"conference_numbers":"100"}"""));
    }

    [Fact]
    public void Null_value_is_a_type_error()
    {
        HasErrors("""{"name":{"type":{"message":"Value did not match type(s): string","target":"string","value":null}}}""",
            Validate("conferences", """{"name":null}"""));
    }

    [Fact]
    public void Play_entry_tone_accepts_boolean_or_string()
    {
        Valid(Validate("conferences", """{"play_entry_tone":true,"play_exit_tone":"tone_stream://%(200,0,500,600,700)"}"""));
        Valid(Validate("conferences", """{"play_entry_tone":"tone","play_exit_tone":false}"""));
    }

    [Fact]
    public void Play_entry_tone_of_another_type_fails_one_of_like_kazoo()
    {
        HasErrors("""{"play_entry_tone":{"not_one_schema_valid":{"message":"failed to validate","value":5}}}""",
            Validate("conferences", """{"play_entry_tone":5}"""));
    }

    [Fact]
    public void Several_errors_are_reported_together()
    {
        var result = Validate("conferences", """{"name":"","owner_id":"x","conference_numbers":["1","1","a"],"play_name":"maybe"}""");

        Assert.Equal(
            ["conference_numbers", "conference_numbers.2", "name", "owner_id", "play_name"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.True(result.Errors["conference_numbers"]!.AsObject().ContainsKey("uniqueItems"));
    }

    [Fact]
    public void Two_rules_on_one_field_share_its_key()
    {
        var result = Validate("metaflows.relate", """{"participant_id":1,"other_participant":2,"conference_id":"c","relationship":7}""");

        HasErrors("""
            {"relationship":{
               "type":{"message":"Value did not match type(s): string","target":"string","value":7},
               "enum":{"message":"Value not found in enumerated list of values","target":["deaf","clear","mute"],"value":7}}}
            """, result);
    }
}
