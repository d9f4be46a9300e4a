namespace Conferences.Api.Tests.Auth;

/// <summary>Where crossbar finds the token (<c>api_util:get_auth_token/2</c>).</summary>
public sealed class TokenSourceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Token_in_x_auth_token_header_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences");

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_in_the_query_string_is_accepted_and_echoed()
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Get, account.Url($"conferences?auth_token={account.Token}"));

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(account.Token, answer.Json!["auth_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_in_the_envelope_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Put, account.Url("conferences"),
            Body.Data(new JsonObject { ["name"] = "by envelope" }, new JsonObject { ["auth_token"] = account.Token }));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(account.Token, answer.Json!["auth_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_as_bearer_authorization_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Get, account.Url("conferences"),
            configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Token));

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Missing_token_is_401_invalid_credentials()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences", r => r.Headers.Remove("X-Auth-Token"));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials")
            .ExpectData("message", "invalid credentials");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoieCJ9.c2lnbmF0dXJl")]
    public async Task Unusable_token_on_an_existing_account_is_401_like_a_missing_one(string token)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences", r =>
        {
            r.Headers.Remove("X-Auth-Token");
            r.Headers.Add("X-Auth-Token", token);
        });

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Garbage_token_on_an_unknown_32_character_account_is_404_not_401()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/accounts/ffffffffffffffffffffffffffffffff/conferences",
            configure: r => r.Headers.Add("X-Auth-Token", "garbage"));

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }
}
