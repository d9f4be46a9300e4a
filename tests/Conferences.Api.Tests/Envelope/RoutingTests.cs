namespace Conferences.Api.Tests.Envelope;

/// <summary>Routes, verbs, API version and verb tunnelling (<c>cb_conferences:allowed_methods</c>, <c>api_resource:determine_http_verb/2</c>).</summary>
public sealed class RoutingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("conferences/c1/unknown")]
    [InlineData("conferences/c1/participants/1/deeper")]
    [InlineData("conferences/c1/participants/1/deeper/still")]
    [InlineData("something_else")]
    [InlineData("/v2/nowhere")]
    [InlineData("/v2")]
    public async Task Unknown_sub_path_is_404_not_found(string path)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync(path);

        answer.ExpectError(HttpStatusCode.NotFound, "not_found")
            .ExpectData("message", "not found");
    }

    [Theory]
    [InlineData("POST", "conferences")]
    [InlineData("DELETE", "conferences")]
    [InlineData("PATCH", "conferences")]
    [InlineData("HEAD", "conferences")]
    [InlineData("HEAD", "conferences/c1")]
    [InlineData("POST", "conferences/c1/participants")]
    [InlineData("DELETE", "conferences/c1/participants/1")]
    [InlineData("POST", "/v2/api_auth")]
    public async Task Verb_not_allowed_on_a_known_path_is_405_invalid_method(string method, string path)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(new HttpMethod(method), path);

        answer.ExpectStatus(HttpStatusCode.MethodNotAllowed);
        if (method != "HEAD")
        {
            answer.ExpectError(HttpStatusCode.MethodNotAllowed, "invalid_method")
                .ExpectData("message", "method not allowed");
        }
    }

    [Theory]
    [InlineData("get", "conferences")]
    [InlineData("Put", "conferences")]
    [InlineData("pOST", "conferences/c1")]
    [InlineData("delete", "conferences/c1")]
    [InlineData("options", "conferences")]
    [InlineData("head", "conferences")]
    public async Task Methods_are_case_sensitive_so_a_lower_case_verb_is_an_unknown_method(string method, string path)
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "c1", ["name"] = "Kept" });

        var answer = await account.SendAsync(new HttpMethod(method), path, Body.Data(new JsonObject { ["name"] = "Changed" }));

        answer.ExpectError(HttpStatusCode.MethodNotAllowed, "invalid_method");
        Assert.Equal(["c1"], await account.ListIdsAsync());
        Assert.Equal("Kept", (await account.GetAsync("conferences/c1")).DataObject["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/v2/accounts/{a}/CONFERENCES")]
    [InlineData("/v2/accounts/{a}/Conferences/c1")]
    [InlineData("/v2/accounts/{a}/conferences/c1/Participants")]
    [InlineData("/v2/Accounts/{a}/conferences")]
    [InlineData("/V2/accounts/{a}/conferences")]
    [InlineData("/v2/accounts/{a}/API_KEY")]
    [InlineData("/v2/API_AUTH")]
    public async Task Paths_are_case_sensitive_so_a_case_variant_is_404(string path)
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "c1" });

        var answer = await account.GetAsync(path.Replace("{a}", account.Id, StringComparison.Ordinal));

        answer.ExpectError(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("DELETE", "conferences", "GET, PUT, OPTIONS")]
    [InlineData("HEAD", "conferences/c1", "GET, PUT, POST, PATCH, DELETE, OPTIONS")]
    [InlineData("POST", "conferences/c1/participants/1", "GET, PUT, OPTIONS")]
    [InlineData("get", "/v2/api_auth", "PUT, OPTIONS")]
    [InlineData("DELETE", "api_key", "GET, OPTIONS")]
    public async Task A_405_lists_the_verbs_of_the_path_in_allow(string method, string path, string allow)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(new HttpMethod(method), path);

        answer.ExpectStatus(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allow, answer.Header("Allow"));
    }

    [Fact]
    public async Task Cors_and_allow_name_the_same_verbs()
    {
        var account = await api.NewAccountAsync();

        var preflight = await account.SendAsync(HttpMethod.Options, "conferences/c1", null, r => r.Headers.Add("Origin", "http://ui.example"));
        var refused = await account.SendAsync(HttpMethod.Head, "conferences/c1");

        Assert.Equal(refused.Header("Allow"), preflight.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Verb_not_allowed_wins_over_the_missing_token()
    {
        var answer = await api.SendAsync(HttpMethod.Delete, "/v2/accounts/0123456789abcdef0123456789abcdef/conferences");

        answer.ExpectError(HttpStatusCode.MethodNotAllowed, "invalid_method");
    }

    [Theory]
    [InlineData("/v1/accounts")]
    [InlineData("/v1/accounts/0123456789abcdef0123456789abcdef/conferences")]
    public async Task Api_version_1_is_gone(string path)
    {
        var answer = await api.SendAsync(HttpMethod.Get, path);

        answer.ExpectStatus(HttpStatusCode.Gone);
        Assert.Equal("error", answer.Json!["status"]!.GetValue<string>());
        Assert.Equal("410", answer.Json!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_with_verb_patch_in_the_query_string_patches()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Kept" });

        var answer = await account.SendAsync(HttpMethod.Post, $"conferences/{id}?verb=PATCH", Body.Data(new JsonObject { ["custom"] = "v" }));

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Kept", answer.DataObject["name"]!.GetValue<string>());
        Assert.Equal("v", answer.DataObject["custom"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_with_verb_delete_in_the_envelope_deletes()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.SendAsync(HttpMethod.Post, $"conferences/{id}", Body.Data(new JsonObject(), new JsonObject { ["verb"] = "DELETE" }));

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.True(answer.DataObject["_read_only"]!["deleted"]!.GetValue<bool>());
        (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_with_verb_put_on_the_collection_creates()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Post, "conferences?verb=put", Body.Data(new JsonObject { ["name"] = "Tunnelled" }));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Single(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Trailing_slash_on_collection_and_document_paths_is_accepted()
    {
        var account = await api.NewAccountAsync();

        var created = (await account.PutAsync("conferences/", new JsonObject())).ExpectStatus(HttpStatusCode.Created);
        var id = created.DataObject["id"]!.GetValue<string>();

        (await account.GetAsync($"conferences/{id}/")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_query_parameters_are_ignored()
    {
        var account = await api.NewAccountAsync();

        (await account.GetAsync("conferences?_=1700000000000")).ExpectStatus(HttpStatusCode.OK);
    }
}
