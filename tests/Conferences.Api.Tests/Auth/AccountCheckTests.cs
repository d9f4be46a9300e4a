namespace Conferences.Api.Tests.Auth;

/// <summary>The account path token is checked before the missing-token 401 (<c>api_resource:malformed_request/2</c>; docs/compatibility.md).</summary>
public sealed class AccountCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("short")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    public async Task Account_id_that_is_not_32_characters_is_404_bad_identifier(string accountId)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync($"/v2/accounts/{accountId}/conferences");

        answer.ExpectError(HttpStatusCode.NotFound, "bad identifier")
            .ExpectData("message", $"invalid account_id '{accountId}'");
    }

    [Fact]
    public async Task Short_account_id_without_a_token_is_404_not_401()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/accounts/0123456789abcdef0123456789abcde/conferences");

        answer.ExpectError(HttpStatusCode.NotFound, "bad identifier");
    }

    [Fact]
    public async Task Unknown_32_hex_account_is_404_bad_identifier_with_the_cause_before_401()
    {
        const string unknown = "abcdefabcdefabcdefabcdefabcdefab";

        var answer = await api.SendAsync(HttpMethod.Get, $"/v2/accounts/{unknown}/conferences");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier")
            .ExpectData("cause", unknown);
    }

    [Fact]
    public async Task Unknown_account_is_404_even_with_a_valid_token()
    {
        var master = await api.MasterAsync();

        var answer = await master.GetAsync("/v2/accounts/abcdefabcdefabcdefabcdefabcdefab/conferences");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }
}
