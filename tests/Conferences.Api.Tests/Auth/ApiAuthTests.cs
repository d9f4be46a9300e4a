namespace Conferences.Api.Tests.Auth;

/// <summary><c>PUT /v2/api_auth</c> (<c>cb_api_auth</c>).</summary>
public sealed class ApiAuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Good_api_key_is_201_with_a_token_and_the_account_id()
    {
        var answer = await api.SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Data(new JsonObject { ["api_key"] = ApiFactory.MasterApiKey }));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", answer.Json!["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(answer.Json["auth_token"]!.GetValue<string>()));
        Assert.Matches("^[0-9a-f]{32}$", answer.DataObject["account_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Child_api_key_authenticates_as_the_child()
    {
        var child = await api.NewAccountAsync();

        var again = await api.AuthenticateAsync(child.ApiKey);

        Assert.Equal(child.Id, again.Id);
    }

    [Fact]
    public async Task Bad_api_key_is_401()
    {
        var answer = await api.SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Data(new JsonObject { ["api_key"] = new string('f', 64) }));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"api_key":""}}""")]
    [InlineData("""{"data":{"api_key":42}}""")]
    public async Task Missing_api_key_is_400(string body)
    {
        var answer = await api.SendAsync(HttpMethod.Put, "/v2/api_auth", Body.Json(body));

        answer.ExpectValidationError("api_key", "required");
    }
}
