namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// <c>/v2/accounts/{id}/conferences_webhooks</c>: CRUD with the conferences' envelope, the schema's defaults and
/// errors, the secret shown on create and rotation only, and account isolation.
/// </summary>
public abstract class WebhookCrudTests<TFactory>(TFactory api) : IClassFixture<TFactory>
    where TFactory : ApiFactory
{
    [Fact]
    public async Task Create_fills_in_kazoos_webhook_defaults_and_shows_the_secret_once()
    {
        var account = await api.NewAccountAsync();

        var answer = (await account.PutAsync(Webhooks.Path, Webhooks.Document())).ExpectStatus(HttpStatusCode.Created);

        var data = answer.DataObject;
        var id = data["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/v2/accounts/{account.Id}/conferences_webhooks/{id}", answer.Header("Location"));
        Assert.Equal("post", data["http_verb"]!.GetValue<string>());
        Assert.Equal("json", data["format"]!.GetValue<string>());
        Assert.Equal(2, data["retries"]!.GetValue<int>());
        Assert.True(data["enabled"]!.GetValue<bool>());
        Assert.False(data["include_subaccounts"]!.GetValue<bool>());
        Assert.Equal("""["all"]""", data["events"]!.ToJsonString());
        Assert.Matches("^whsec_[0-9a-f]{64}$", data["secret"]!.GetValue<string>());

        var read = (await account.GetAsync($"{Webhooks.Path}/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Null(read.DataObject["secret"]);
        Assert.DoesNotContain("whsec_", read.Body, StringComparison.Ordinal);
        Assert.Equal(answer.Json!["revision"]!.GetValue<string>(), read.Json!["revision"]!.GetValue<string>());
        Assert.Equal("{}", read.DataObject["_read_only"]!.ToJsonString());
    }

    [Fact]
    public async Task List_shows_the_accounts_webhooks_without_secrets()
    {
        var account = await api.NewAccountAsync();
        var first = await account.CreateWebhookAsync(Webhooks.Document(name: "one"));
        var second = await account.CreateWebhookAsync(Webhooks.Document(name: "two"));

        var list = (await account.GetAsync(Webhooks.Path)).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal(
            new[] { first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>() }.Order(),
            list.DataArray.Select(item => item!["id"]!.GetValue<string>()).Order());
        Assert.DoesNotContain("whsec_", list.Body, StringComparison.Ordinal);
        Assert.All(list.DataArray, item => Assert.Equal(Webhooks.PublicUri, item!["uri"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"uri":"http://203.0.113.10/"}""", "name", "required")]
    [InlineData("""{"name":"x"}""", "uri", "required")]
    [InlineData("""{"name":"","uri":"http://203.0.113.10/"}""", "name", "minLength")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","retries":5}""", "retries", "maximum")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","retries":-1}""", "retries", "minimum")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","http_verb":"get"}""", "http_verb", "enum")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","format":"form-data"}""", "format", "enum")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","events":["add-member","fax"]}""", "events.1", "enum")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","events":[]}""", "events", "minItems")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","custom_data":{"n":1}}""", "custom_data.n", "type")]
    [InlineData("""{"name":"x","uri":"http://203.0.113.10/","conference_ids":["a","a"]}""", "conference_ids", "uniqueItems")]
    [InlineData("""{"name":"x","uri":"ftp://203.0.113.10/"}""", "uri", "format")]
    [InlineData("""{"name":"x","uri":"/relative/path"}""", "uri", "format")]
    [InlineData("""{"name":"x","uri":"http://10.1.2.3/hook"}""", "uri", "forbidden")]
    [InlineData("""{"name":"x","uri":"http://169.254.169.254/latest/meta-data"}""", "uri", "forbidden")]
    [InlineData("""{"name":"x","uri":"http://[fd00::1]/hook"}""", "uri", "forbidden")]
    public async Task Invalid_webhooks_get_a_validation_error_and_nothing_is_stored(string json, string key, string rule)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync(Webhooks.Path, JsonNode.Parse(json));

        answer.ExpectStatus(HttpStatusCode.BadRequest);
        Assert.Equal("validation error", answer.Message);
        Assert.NotNull(answer.DataObject[key]?[rule]);
        Assert.Empty((await account.GetAsync(Webhooks.Path)).ExpectStatus(HttpStatusCode.OK).DataArray);
    }

    [Fact]
    public async Task Post_replaces_patch_merges_and_delete_removes()
    {
        var account = await api.NewAccountAsync();
        var id = (await account.CreateWebhookAsync())["id"]!.GetValue<string>();
        var path = $"{Webhooks.Path}/{id}";

        var replaced = (await account.PostAsync(path, new JsonObject { ["name"] = "New", ["uri"] = Webhooks.PublicUri, ["retries"] = 4 }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;
        var patched = (await account.PatchAsync(path, new JsonObject { ["events"] = new JsonArray("lock", "unlock"), ["custom_data"] = new JsonObject { ["t"] = "v" } }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;
        var deleted = (await account.DeleteAsync(path)).ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal(4, replaced["retries"]!.GetValue<int>());
        Assert.Equal("New", patched["name"]!.GetValue<string>());
        Assert.Equal("""["lock","unlock"]""", patched["events"]!.ToJsonString());
        Assert.Equal("v", patched["custom_data"]!["t"]!.GetValue<string>());
        Assert.True(deleted["_read_only"]!["deleted"]!.GetValue<bool>());
        (await account.GetAsync(path)).ExpectStatus(HttpStatusCode.NotFound);
        Assert.Empty((await account.GetAsync(Webhooks.Path)).DataArray);
    }

    [Fact]
    public async Task Rotating_the_secret_shows_a_new_one_once()
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateWebhookAsync();
        var id = created["id"]!.GetValue<string>();

        var rotated = (await account.PutAsync($"{Webhooks.Path}/{id}/secret", new JsonObject())).ExpectStatus(HttpStatusCode.Created).DataObject;

        Assert.Matches("^whsec_[0-9a-f]{64}$", rotated["secret"]!.GetValue<string>());
        Assert.NotEqual(created["secret"]!.GetValue<string>(), rotated["secret"]!.GetValue<string>());
        Assert.DoesNotContain("whsec_", (await account.GetAsync($"{Webhooks.Path}/{id}")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_webhooks_and_attempts_are_404()
    {
        var account = await api.NewAccountAsync();
        var missing = KazooIds.NewId();

        (await account.GetAsync($"{Webhooks.Path}/{missing}")).ExpectStatus(HttpStatusCode.NotFound);
        (await account.PostAsync($"{Webhooks.Path}/{missing}", Webhooks.Document())).ExpectStatus(HttpStatusCode.NotFound);
        (await account.DeleteAsync($"{Webhooks.Path}/{missing}")).ExpectStatus(HttpStatusCode.NotFound);
        (await account.GetAsync($"{Webhooks.Path}/{missing}/attempts")).ExpectStatus(HttpStatusCode.NotFound);
        (await account.PutAsync($"{Webhooks.Path}/{missing}/secret", new JsonObject())).ExpectStatus(HttpStatusCode.NotFound);
        Assert.Empty((await account.GetAsync($"{Webhooks.Path}/attempts")).ExpectStatus(HttpStatusCode.OK).DataArray);
    }

    [Fact]
    public async Task Another_accounts_webhook_is_not_reachable()
    {
        var owner = await api.NewAccountAsync();
        var stranger = await api.NewAccountAsync();
        var id = (await owner.CreateWebhookAsync())["id"]!.GetValue<string>();

        var throughOwnPath = await stranger.GetAsync($"{Webhooks.Path}/{id}");
        var throughOwnersPath = await stranger.GetAsync($"/v2/accounts/{owner.Id}/{Webhooks.Path}/{id}");
        var withoutToken = await owner.SendAsync(HttpMethod.Get, $"{Webhooks.Path}/{id}", withToken: false);

        throughOwnPath.ExpectStatus(HttpStatusCode.NotFound);
        throughOwnersPath.ExpectStatus(HttpStatusCode.Forbidden);
        withoutToken.ExpectStatus(HttpStatusCode.Unauthorized);
        Assert.Empty((await stranger.GetAsync(Webhooks.Path)).DataArray);
    }

    [Fact]
    public async Task A_parent_reads_its_childs_webhooks()
    {
        var parent = await api.NewAccountAsync();
        var child = await api.NewAccountAsync(parent);
        var id = (await child.CreateWebhookAsync())["id"]!.GetValue<string>();

        var read = await parent.GetAsync($"/v2/accounts/{child.Id}/{Webhooks.Path}/{id}");

        read.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_conference_named_like_the_route_stays_a_conference()
    {
        var account = await api.NewAccountAsync();
        var conference = await account.CreateConferenceIdAsync(new JsonObject { ["id"] = "conferences_webhooks", ["name"] = "Odd" });

        (await account.GetAsync($"conferences/{conference}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Empty((await account.GetAsync(Webhooks.Path)).DataArray);
    }
}

/// <summary>WebhookCrudTests on the embedded SQLite store.</summary>
public sealed class WebhookCrudTestsOnSqlite(WebhookApiFactory api) : WebhookCrudTests<WebhookApiFactory>(api);

/// <summary>WebhookCrudTests on the test CouchDB server.</summary>
public sealed class WebhookCrudTestsOnCouchDb(CouchDbWebhookApiFactory api) : WebhookCrudTests<CouchDbWebhookApiFactory>(api);
