namespace Conferences.Api.Tests.Validation;

/// <summary>The <c>conferences</c> schema through the API: coercion, rules, profile (<c>schemas/conferences.json</c>, <c>kz_json_schema</c>).</summary>
public sealed class SchemaValidationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Numeric_string_for_an_integer_field_is_coerced()
    {
        var account = await api.NewAccountAsync();

        var data = (await account.CreateConferenceAsync(new JsonObject { ["max_participants"] = "10" })).DataObject;

        Assert.Equal(10, data["max_participants"]!.GetValue<int>());
    }

    [Fact]
    public async Task Integer_beyond_64_bits_is_accepted_as_erlang_does()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"data":{"max_participants":99999999999999999999999}}"""));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Contains("\"max_participants\":99999999999999999999999", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boolean_string_is_coerced()
    {
        var account = await api.NewAccountAsync();

        var data = (await account.CreateConferenceAsync(new JsonObject { ["play_name"] = "true" })).DataObject;

        Assert.True(data["play_name"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("abc", "minLength")]
    [InlineData("0123456789abcdef0123456789abcdef0", "maxLength")]
    public async Task Owner_id_must_be_32_characters(string ownerId, string rule)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync("conferences", new JsonObject { ["owner_id"] = ownerId });

        var error = answer.ExpectValidationError("owner_id", rule);
        Assert.Equal(32, error["target"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("owner_id", "0123456789abcdef0123456789abcdef")]
    [InlineData("profile", "default")]
    public async Task An_owner_id_of_32_characters_and_a_profile_as_a_string_are_accepted(string field, string value)
    {
        var account = await api.NewAccountAsync();

        var data = (await account.CreateConferenceAsync(new JsonObject { [field] = value })).DataObject;

        Assert.Equal(value, data[field]!.GetValue<string>());
    }

    [Fact]
    public async Task Name_longer_than_128_characters_is_a_max_length_error()
    {
        var account = await api.NewAccountAsync();
        var name = new string('n', 129);

        var answer = await account.PutAsync("conferences", new JsonObject { ["name"] = name });

        var error = answer.ExpectValidationError("name", "maxLength");
        Assert.Equal("String must not be more than 128 characters", error["message"]!.GetValue<string>());
        Assert.Equal(128, error["target"]!.GetValue<int>());
        Assert.Empty(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Wrong_type_is_a_type_error_on_its_dotted_path()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync("conferences", new JsonObject { ["member"] = new JsonObject { ["numbers"] = new JsonArray("12a") } });

        answer.ExpectValidationError("member.numbers.0", "pattern");
    }

    [Fact]
    public async Task Several_errors_are_reported_together()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync("conferences", new JsonObject { ["name"] = "", ["owner_id"] = "x" });

        answer.ExpectValidationError("name", "minLength");
        answer.ExpectValidationError("owner_id", "minLength");
    }

    [Fact]
    public async Task Profile_as_an_object_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var data = (await account.CreateConferenceAsync(new JsonObject { ["profile"] = new JsonObject { ["rate"] = 16000, ["max-members"] = 5 } })).DataObject;

        Assert.Equal(16000, data["profile"]!["rate"]!.GetValue<int>());
    }

    [Fact]
    public async Task Profile_with_a_bad_rate_is_400()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync("conferences", new JsonObject { ["profile"] = new JsonObject { ["rate"] = 12345 } });

        answer.ExpectError(HttpStatusCode.BadRequest, "validation error");
        Assert.Contains(answer.DataObject, p => p.Key.StartsWith("profile", StringComparison.Ordinal));
        Assert.Empty(await account.ListIdsAsync());
    }
}
