namespace Conferences.Api.Tests.Robustness;

/// <summary>
/// Odd paths, query strings and verbs are 4xx envelopes, never 500 (docs/compatibility.md D9). <c>{a}</c> is a fresh account id.
/// Null characters in the path are in <see cref="KestrelPathTests"/>: the in-memory server cannot send them.
/// </summary>
public sealed class OddRequestTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string LongId = new('x', 5000);

    public static TheoryData<string> Paths => new()
    {
        "/v2/accounts/{a}/conferences/" + LongId,
        "/v2/accounts/{a}/conferences/" + LongId + "/participants/" + LongId, "/v2/accounts/" + LongId + "/conferences",
        "/v2/accounts/{a}/conferences/a.b", "/v2/accounts/{a}/conferences/a%20b", "/v2/accounts/{a}/conferences/%C3%A9t%C3%A9",
        "/v2/accounts/{a}/conferences/%2F", "/v2/accounts/{a}/conferences/%2e%2e", "/v2/accounts/{a}/conferences/%FF",
        "/v2/accounts/{a}/conferences/_design%2Fconferences", "/v2/accounts/{a}/conferences/_all_docs",
        "/v2/accounts//conferences", "/v2//accounts", "/v2/accounts/{a}//conferences", "/v2/accounts/{a}/conferences//participants",
        "//v2/accounts/{a}/conferences", "/v2/accounts/%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9/conferences",
        "/v2/accounts/................................/conferences", "/v2/accounts/{a}/conferences/c/participants/-1",
        "/v2/accounts/{a}/conferences/c/participants/99999999999999999999", "/v2/accounts/{a}/conferences/c/participants/1.5",
        "/v2/accounts/{a}/api_key/extra", "/v2/api_auth/extra", "/v1", "/v2/accounts/{a}/conferences?page_size=2147483647",
        "/v2/accounts/{a}/conferences?page_size=99999999999999", "/v2/accounts/{a}/conferences?page_size=",
        "/v2/accounts/{a}/conferences?start_key=%FF", "/v2/accounts/{a}/conferences?start_key=g20AAAAAAAAA",
        "/v2/accounts/{a}/conferences?start_key=g23_____YWJj", "/v2/accounts/{a}/conferences?start_key=",
        "/v2/accounts/{a}/conferences?filter_=x", "/v2/accounts/{a}/conferences?filter_.=x", "/v2/accounts/{a}/conferences?filter_a..b=x",
        "/v2/accounts/{a}/conferences?has_key=", "/v2/accounts/{a}/conferences?has_key=...", "/v2/accounts/{a}/conferences?key_missing=a.0.b",
        "/v2/accounts/{a}/conferences?value_missing=", "/v2/accounts/{a}/conferences?created_from=99999999999999999999999",
        "/v2/accounts/{a}/conferences?filter_name=%5B", "/v2/accounts/{a}/conferences?filter_name=%5B1%2C%7B", "/v2/accounts/{a}/conferences?filter_not_=",
        "/v2/accounts/{a}/conferences?paginate=maybe", "/v2/accounts/{a}/conferences?ascending=&descending=",
        "/v2/accounts/{a}/conferences?page_size=1&page_size=2", "/v2/accounts/{a}/conferences?filter_name=a&filter_name=b",
        "/v2/accounts/{a}/conferences?pretty_print=true", "/v2/accounts/{a}/conferences/c?should_soft_delete=false",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Odd_paths_never_answer_500(string path)
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new() { ["id"] = "c" });
        var url = path.Replace("{a}", account.Id, StringComparison.Ordinal);

        foreach (var method in new[] { "GET", "PUT", "POST", "PATCH", "DELETE", "HEAD" })
        {
            var content = method is "GET" or "HEAD" ? null : Body.Json("{\"data\":{}}");
            NoServerError.Assert(await account.SendAsync(new HttpMethod(method), url, content), method);
        }
    }

    [Theory]
    [InlineData("?verb=")]
    [InlineData("?verb=FOO")]
    [InlineData("?verb=HEAD")]
    [InlineData("?verb=OPTIONS")]
    [InlineData("?verb=GET")]
    [InlineData("?verb=put")]
    [InlineData("?verb=%20")]
    [InlineData("?verb=DELETE&should_soft_delete=false")]
    public async Task Odd_tunnelled_verbs_never_answer_500(string query)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        NoServerError.Assert(await account.SendAsync(HttpMethod.Post, $"conferences{query}", Body.Json("{\"data\":{}}")), query);
        NoServerError.Assert(await account.SendAsync(HttpMethod.Post, $"conferences/{id}{query}", Body.Json("{\"data\":{}}")), query);
    }

    [Theory]
    [InlineData("PROPFIND")]
    [InlineData("TRACE")]
    [InlineData("OPTIONS")]
    public async Task Unusual_methods_never_answer_500(string method)
    {
        var account = await api.NewAccountAsync();

        NoServerError.Assert(await account.SendAsync(new HttpMethod(method), "conferences"), method);
    }
}
