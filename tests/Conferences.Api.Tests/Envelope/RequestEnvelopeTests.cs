namespace Conferences.Api.Tests.Envelope;

/// <summary>The request envelope (<c>api_util:validate_request_envelope/1</c>).</summary>
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
    public Task Repeated_keys_are_invalid_json(string body) => InvalidJson.AssertCreateRefusedAsync(api, Body.Json(body));

    [Fact]
    public Task Nesting_deeper_than_64_levels_is_invalid_json()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);
        return InvalidJson.AssertCreateRefusedAsync(api, Body.Json("{\"data\":{\"x\":" + deep + "}}"));
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
    public async Task Envelope_keys_are_case_sensitive_so_DATA_is_not_data()
    {
        var account = await api.NewAccountAsync();
        var body = new JsonObject { ["DATA"] = new JsonObject { ["name"] = "Not data" }, ["Auth-Token"] = account.Token };

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(body.ToJsonString()));

        answer.ExpectValidationError("data", "required");
        Assert.Empty(await account.ListIdsAsync());
    }

    [Fact]
    public async Task A_case_variant_of_data_beside_data_is_ignored()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json("""{"data":{"name":"Real"},"Data":{}}"""));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("Real", answer.DataObject["name"]!.GetValue<string>());
        var stored = (await account.GetAsync($"conferences/{answer.DataObject["id"]!.GetValue<string>()}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Real", stored.DataObject["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_variant_of_auth_token_in_the_envelope_is_no_token()
    {
        var account = await api.NewAccountAsync();
        var body = new JsonObject { ["data"] = new JsonObject(), ["Auth_Token"] = account.Token };

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Json(body.ToJsonString()), withToken: false);

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("", """{"data":{},"Action":"lock"}""")]
    [InlineData("/participants", """{"data":{"ACTION":"mute"}}""")]
    public async Task A_case_variant_of_the_action_in_the_envelope_or_in_data_is_no_action(string resource, string body)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{id}{resource}", Body.Json(body));

        answer.ExpectError(HttpStatusCode.NotFound, "faulty_request");
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
