using Conferences.Core.Accounts;

namespace Conferences.Api.Tests.Auth;

/// <summary>An expired token is refused by the early authentication step (<c>api_util:is_early_authentic/2</c>).</summary>
public sealed class ExpiredTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Expired_token_is_401_invalid_credentials_with_empty_data()
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Get, account.Url("conferences"), configure: r => r.Headers.Add("X-Auth-Token", ExpiredToken(account.Id)));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid credentials");
        Assert.Empty(answer.DataObject);
    }

    [Fact]
    public async Task Expired_token_is_refused_before_the_route_check()
    {
        var account = await api.NewAccountAsync();

        var answer = await api.SendAsync(HttpMethod.Get, account.Url("conferences/c1/unknown"), configure: r => r.Headers.Add("X-Auth-Token", ExpiredToken(account.Id)));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid credentials");
    }

    [Fact]
    public async Task Expired_token_is_refused_before_the_account_check()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/v2/accounts/short/conferences",
            configure: r => r.Headers.Add("X-Auth-Token", ExpiredToken("abcdefabcdefabcdefabcdefabcdefab")));

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid credentials");
    }

    /// <summary>A token signed with the service's own key but issued two hours ago (lifetime 3600 s).</summary>
    private string ExpiredToken(string accountId)
    {
        var keys = api.Services.GetRequiredService<SigningKeyHolder>();
        var past = new TokenService(keys, new PastClock(DateTimeOffset.UtcNow.AddHours(-2)));
        return past.Issue(accountId, isSuperDuperAdmin: false);
    }
}
