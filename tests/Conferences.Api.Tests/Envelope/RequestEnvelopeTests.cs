using System.Net;
using System.Text.Json.Nodes;
using Conferences.Api.Tests.Fixtures;

namespace Conferences.Api.Tests.Envelope;

/// <summary>The request envelope (kazoo-reference §2.1, §1.2 step 1, §1.11).</summary>
public sealed class RequestEnvelopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("""{"name":"no envelope"}""")]
    [InlineData("""{"data":null}""")]
    [InlineData("""[]""")]
    [InlineData("""5""")]
    public async Task Json_body_without_top_level_data_is_a_validation_error(string body)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(body));

        var required = answer.ExpectValidationError("data", "required");
        Assert.Equal("Field is required but missing", required["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_data_is_answered_before_authentication()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"name":"x"}"""), withToken: false);

        answer.ExpectValidationError("data", "required");
    }

    [Fact]
    public async Task Malformed_json_is_a_validation_error_targeting_the_body()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"data":{"name":"x"""), withToken: false);

        var invalid = answer.ExpectValidationError("json", "invalid");
        Assert.Equal("body", invalid["target"]!.GetValue<string>());
        Assert.Contains("around", invalid["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data":{},"data":{}}""")]
    [InlineData("""{"data":{"name":"a","name":"b"}}""")]
    public async Task Repeated_keys_are_invalid_json(string body)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(body));

        answer.ExpectValidationError("json", "invalid");
        Assert.Empty(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Nesting_deeper_than_64_levels_is_invalid_json()
    {
        var account = await api.NewAccountAsync();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("{\"data\":{\"x\":" + deep + "}}"));

        answer.ExpectValidationError("json", "invalid");
    }

    [Fact]
    public async Task Nesting_up_to_64_levels_is_stored_and_read_back()
    {
        var account = await api.NewAccountAsync();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 62)) + "1" + new string('}', 62);

        var created = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("{\"data\":{\"x\":" + deep + "}}"));

        created.ExpectStatus(HttpStatusCode.Created);
        (await account.GetAsync($"conferences/{created.DataObject["id"]}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Single(await account.ListIdsAsync("has_key=x.a.a.a"));
    }

    [Fact]
    public async Task Empty_body_is_treated_as_empty_data()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(""));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.False(answer.DataObject["play_name"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Whitespace_only_body_is_treated_as_empty_data()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("  \n "));

        answer.ExpectStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Top_level_keys_are_lower_cased_and_dashes_become_underscores()
    {
        var account = await api.NewAccountAsync();
        var body = new JsonObject { ["DATA"] = new JsonObject { ["name"] = "Normalised" }, ["Auth-Token"] = account.Token };

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(body.ToJsonString()), withToken: false);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("Normalised", answer.DataObject["name"]!.GetValue<string>());
        Assert.Equal(account.Token, answer.Json!["auth_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keys_inside_data_are_not_normalised()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.CreateConferenceAsync(new JsonObject { ["Custom-Key"] = 1 });

        Assert.True(answer.DataObject.ContainsKey("Custom-Key"));
    }

    [Theory]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task Data_that_is_neither_object_nor_array_is_a_type_error(string data)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json($$"""{"data":{{data}}}"""));

        answer.ExpectValidationError("data", "type");
    }

    [Fact]
    public async Task Data_array_on_create_is_a_validation_error()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"data":[1,2]}"""));

        answer.ExpectValidationError("data", "type");
    }
}
