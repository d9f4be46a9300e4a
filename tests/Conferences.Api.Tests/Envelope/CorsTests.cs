namespace Conferences.Api.Tests.Envelope;

/// <summary>CORS pre-flights and headers (<c>api_util:get_cors_headers/1</c>; docs/clients.md).</summary>
public sealed class CorsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Account = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Preflight_is_200_with_an_empty_body_and_the_cors_headers()
    {
        var answer = await api.SendAsync(HttpMethod.Options, $"/v2/accounts/{Account}/conferences/c1", configure: r =>
        {
            r.Headers.Add("Origin", "https://monster.example.com");
            r.Headers.Add("Access-Control-Request-Method", "PATCH");
            r.Headers.Add("Access-Control-Request-Headers", "content-type, x-auth-token");
        });

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(string.Empty, answer.Body);
        Assert.Equal("*", answer.Header("Access-Control-Allow-Origin"));
        var methods = Tokens(answer.Header("Access-Control-Allow-Methods"));
        Assert.Superset(new HashSet<string> { "GET", "PUT", "POST", "PATCH", "DELETE", "OPTIONS" }, methods);
        var headers = Tokens(answer.Header("Access-Control-Allow-Headers"));
        Assert.Superset(new HashSet<string> { "X-AUTH-TOKEN", "CONTENT-TYPE", "IF-MATCH" }, headers);
        var exposed = Tokens(answer.Header("Access-Control-Expose-Headers"));
        Assert.Superset(new HashSet<string> { "LOCATION", "ETAG", "X-AUTH-TOKEN", "X-REQUEST-ID" }, exposed);
        Assert.Equal("86400", answer.Header("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task Preflight_allows_and_exposes_every_header_kazoo_does()
    {
        // Kazoo's lists, verbatim from applications/crossbar/src/api_util.erl get_cors_headers/1
        const string kazooAllows = "content-type, depth, user-agent, x-http-method-override, x-file-size, x-requested-with, "
            + "if-modified-since, x-file-name, cache-control, x-auth-token, x-kazoo-cluster-id, if-match";
        const string kazooExposes = "content-type, x-auth-token, x-request-id, x-kazoo-cluster-id, location, etag, etag";

        var answer = await api.SendAsync(HttpMethod.Options, $"/v2/accounts/{Account}/conferences/c1", configure: r =>
        {
            r.Headers.Add("Origin", "https://monster.example.com");
            r.Headers.Add("Access-Control-Request-Method", "PUT");
            r.Headers.Add("Access-Control-Request-Headers", "content-type, x-auth-token, x-kazoo-cluster-id");
        });

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Superset(Tokens(kazooAllows), Tokens(answer.Header("Access-Control-Allow-Headers")));
        Assert.Superset(Tokens(kazooExposes), Tokens(answer.Header("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task Monster_ui_call_with_a_cluster_id_is_answered_with_the_cors_headers()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences", r =>
        {
            r.Headers.Add("Origin", "https://monster.example.com");
            r.Headers.Add("X-Kazoo-Cluster-ID", "8a0d3b1c0e7f4b9c9d2e6f1a3b5c7d9e");
        });

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("*", answer.Header("Access-Control-Allow-Origin"));
        Assert.Contains("X-KAZOO-CLUSTER-ID", Tokens(answer.Header("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task Preflight_on_the_collection_allows_its_verbs()
    {
        var answer = await api.SendAsync(HttpMethod.Options, $"/v2/accounts/{Account}/conferences", configure: r =>
        {
            r.Headers.Add("Origin", "https://monster.example.com");
            r.Headers.Add("Access-Control-Request-Method", "PUT");
        });

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Superset(new HashSet<string> { "GET", "PUT", "OPTIONS" }, Tokens(answer.Header("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task Preflight_needs_no_token()
    {
        var answer = await api.SendAsync(HttpMethod.Options, "/v2/api_auth", configure: r => r.Headers.Add("Origin", "https://a.example"));

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Options_without_cors_headers_is_405()
    {
        var answer = await api.SendAsync(HttpMethod.Options, $"/v2/accounts/{Account}/conferences");

        answer.ExpectError(HttpStatusCode.MethodNotAllowed, "invalid_method");
    }

    [Fact]
    public async Task Actual_requests_with_origin_carry_allow_origin()
    {
        var account = await api.NewAccountAsync();

        var ok = await account.GetAsync("conferences", r => r.Headers.Add("Origin", "https://monster.example.com"));
        var error = await account.GetAsync("conferences/missing", r => r.Headers.Add("Origin", "https://monster.example.com"));

        ok.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("*", ok.Header("Access-Control-Allow-Origin"));
        Assert.Contains("X-Request-ID", ok.Header("Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        error.ExpectStatus(HttpStatusCode.NotFound);
        Assert.Equal("*", error.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Requests_without_origin_carry_no_cors_headers()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences");

        Assert.Null(answer.Header("Access-Control-Allow-Origin"));
    }

    private static HashSet<string> Tokens(string? header) =>
        [.. (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToUpperInvariant())];
}
