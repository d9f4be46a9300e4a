using Conferences.Api.Tests.KazooAuth;

namespace Conferences.Api.Tests.Clients;

/// <summary>
/// Monster UI's SDK driving the conference resources exactly as it sends them (docs/clients.md, issue 10): create with
/// <c>ui_metadata</c>, list and get with <c>_=</c>, update by POSTing back the fetched document, delete with a body,
/// a pre-flight before each verb, and every error answered with exactly <c>application/json</c> (the SDK parses an
/// error body only then).
/// </summary>
public sealed class MonsterSdkCrudTests(KazooEmbeddedApiFactory api) : IClassFixture<KazooEmbeddedApiFactory>
{
    [Theory]
    [MemberData(nameof(KazooEmbeddedApiFactory.TokenKinds), MemberType = typeof(KazooEmbeddedApiFactory))]
    public async Task Create_list_get_update_delete_as_the_sdk_sends_them(string token)
    {
        var (account, sdk) = await MonsterSdk.SignInAsync(api, token);
        var collection = $"accounts/{account.Id}/conferences";

        var created = await sdk.PutAsync(collection, new JsonObject { ["name"] = "Sales", ["member"] = new JsonObject { ["pins"] = new JsonArray("1234") } });
        created.ExpectStatus(HttpStatusCode.Created);
        var id = created.DataObject["id"]!.GetValue<string>();
        Assert.Equal("monster-ui", created.DataObject["ui_metadata"]!["ui"]!.GetValue<string>());
        Assert.Equal("*", created.Header("Access-Control-Allow-Origin"));

        var list = (await sdk.GetAsync(collection)).ExpectStatus(HttpStatusCode.OK);
        Assert.Contains(list.DataArray, item => item!["id"]!.GetValue<string>() == id);
        // the cache buster is not a filter: a filtered and paged list with it works as without
        var filtered = (await sdk.GetAsync($"{collection}?filter_name=Sales&page_size=1")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(filtered.DataArray)!["id"]!.GetValue<string>());

        var fetched = (await sdk.GetAsync($"{collection}/{id}")).ExpectStatus(HttpStatusCode.OK);
        var document = fetched.DataObject;
        Assert.NotNull(document["_read_only"]);
        Assert.Equal("Sales", document["name"]!.GetValue<string>());

        // the UI edits the fetched document and POSTs all of it back, id and _read_only included
        document["name"] = "Sales team";
        var updated = (await sdk.PostAsync($"{collection}/{id}", document)).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Sales team", updated.DataObject["name"]!.GetValue<string>());
        Assert.Null(updated.DataObject["_read_only"]);
        Assert.Equal(new JsonArray("1234").ToJsonString(), updated.DataObject["member"]!["pins"]!.ToJsonString());

        var deleted = (await sdk.DeleteAsync($"{collection}/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(id, deleted.DataObject["id"]!.GetValue<string>());
        (await sdk.GetAsync($"{collection}/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task Every_verb_the_sdk_uses_passes_its_preflight()
    {
        var sdk = new MonsterSdk(api, "unused");
        var id = "0123456789abcdef0123456789abcdef";
        foreach (var (path, verb) in new[]
        {
            ($"accounts/{id}/conferences", HttpMethod.Get),
            ($"accounts/{id}/conferences", HttpMethod.Put),
            ($"accounts/{id}/conferences/c1", HttpMethod.Get),
            ($"accounts/{id}/conferences/c1", HttpMethod.Post),
            ($"accounts/{id}/conferences/c1", HttpMethod.Patch),
            ($"accounts/{id}/conferences/c1", HttpMethod.Delete),
            ($"accounts/{id}/conferences/c1", HttpMethod.Put),
            ($"accounts/{id}/conferences/c1/participants", HttpMethod.Get),
            ($"accounts/{id}/conferences/c1/participants", HttpMethod.Put),
            ($"accounts/{id}/conferences/c1/participants/7", HttpMethod.Put),
        })
        {
            var preflight = (await sdk.PreflightAsync(path, verb)).ExpectStatus(HttpStatusCode.OK);
            Assert.Equal("*", preflight.Header("Access-Control-Allow-Origin"));
            Assert.Contains(verb.Method, Tokens(preflight.Header("Access-Control-Allow-Methods")));
            Assert.Superset(new HashSet<string> { "CONTENT-TYPE", "X-AUTH-TOKEN" }, Tokens(preflight.Header("Access-Control-Allow-Headers")));
            Assert.Superset(new HashSet<string> { "LOCATION", "ETAG", "X-AUTH-TOKEN", "X-REQUEST-ID" }, Tokens(preflight.Header("Access-Control-Expose-Headers")));
        }
    }

    [Fact]
    public async Task Every_error_class_is_exactly_application_json_so_the_sdk_parses_it()
    {
        var account = await api.NewAccountAsync();
        var other = await api.NewAccountAsync();
        var sdk = new MonsterSdk(api, account.Token);
        var id = await account.CreateConferenceIdAsync();
        var answers = new List<(Answer Answer, HttpStatusCode Status)>
        {
            (await sdk.PutAsync($"accounts/{account.Id}/conferences", new JsonObject { ["name"] = 5 }), HttpStatusCode.BadRequest),
            (await new MonsterSdk(api, "not-a-token").GetAsync($"accounts/{account.Id}/conferences"), HttpStatusCode.Unauthorized),
            (await sdk.GetAsync($"accounts/{other.Id}/conferences"), HttpStatusCode.Forbidden),
            (await sdk.GetAsync($"accounts/{account.Id}/conferences/nope"), HttpStatusCode.NotFound),
            (await sdk.PostAsync($"accounts/{account.Id}/conferences", []), HttpStatusCode.MethodNotAllowed),
            (await api.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}/conferences", Body.Raw("{\"data\":{}}", "text/plain"), r => r.Headers.Add("X-Auth-Token", account.Token)), HttpStatusCode.UnsupportedMediaType),
            (await api.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}/conferences", Body.Json(new string(' ', 8_000_001)), r => r.Headers.Add("X-Auth-Token", account.Token)), HttpStatusCode.RequestEntityTooLarge),
            (await api.SendAsync(HttpMethod.Get, $"/v1/accounts/{account.Id}/conferences"), HttpStatusCode.Gone),
            (await account.PostAsync($"conferences/{id}", new JsonObject(), r => r.Headers.TryAddWithoutValidation("If-Match", "\"1-stale\"")), HttpStatusCode.PreconditionFailed),
        };

        foreach (var (answer, status) in answers)
        {
            answer.ExpectStatus(status);
            Assert.Equal("application/json", answer.Header("Content-Type"));
        }
    }

    private static HashSet<string> Tokens(string? header) =>
        [.. (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant())];
}
