namespace Conferences.Api.Tests.Auth;

/// <summary>
/// <c>PUT /v2/user_auth</c> (<c>cb_user_auth</c>): Monster UI's username/password login against Kazoo user
/// documents in the account database, on both storage providers (the user is found through a view).
/// </summary>
public abstract class UserAuthTests(ApiFactory api)
{
    [Fact]
    public async Task Md5_credentials_and_the_account_name_are_201_with_a_token_the_account_and_the_user()
    {
        var name = $"User Auth {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        var userId = await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "s3cret"));

        var answer = await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("ada", "s3cret", name));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", (string?)answer.Json!["status"]);
        Assert.False(string.IsNullOrEmpty((string?)answer.Json["auth_token"]));
        Assert.Equal(account.Id, (string?)answer.DataObject["account_id"]);
        Assert.Equal(userId, (string?)answer.DataObject["owner_id"]);
        Assert.Equal(name, (string?)answer.DataObject["account_name"]);
        Assert.Equal("en-us", (string?)answer.DataObject["language"]);
        Assert.NotNull(answer.DataObject["reseller_id"]);
        Assert.IsType<JsonArray>(answer.DataObject["apps"]);
    }

    [Fact]
    public async Task The_users_token_works_on_the_accounts_conferences_and_marks_what_it_writes()
    {
        var name = $"User Token {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        var userId = await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "pw"));
        var user = UserAuthUsers.AsAccount(api, await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("ada", "pw", name)));

        var created = await user.CreateConferenceIdAsync(new JsonObject { ["name"] = "Standup" });
        var list = await user.ListAsync();
        var sibling = await api.NewAccountAsync();
        var elsewhere = await user.GetAsync($"/v2/accounts/{sibling.Id}/conferences");

        Assert.Equal(created, (string?)Assert.Single(list.DataArray)!["id"]);
        elsewhere.ExpectError(HttpStatusCode.Forbidden, "forbidden");
        var stored = await api.Services.GetRequiredService<IDocumentStore>().GetAsync(AccountDatabase.Encoded(account.Id), created, CancellationToken.None);
        Assert.Equal(userId, (string?)stored!["pvt_auth_user_id"]);
        Assert.Equal(account.Id, (string?)stored["pvt_auth_account_id"]);
    }

    [Fact]
    public async Task Sha1_credentials_with_method_sha_log_in_too()
    {
        var name = $"Sha {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "bob", "pw"));

        var answer = await UserAuthUsers.LoginAsync(api, new JsonObject
        {
            ["credentials"] = KazooUsers.Sha1("bob", "pw"),
            ["method"] = "sha",
            ["account_name"] = name.ToUpperInvariant(),
        });

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(account.Id, (string?)answer.DataObject["account_id"]);
    }

    [Fact]
    public async Task The_account_realm_finds_the_account()
    {
        var account = await api.NewAccountAsync();
        var realm = (string)(await account.GetAsync($"/v2/accounts/{account.Id}")).ExpectStatus(HttpStatusCode.OK).DataObject["realm"]!;
        await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "pw"));

        var answer = await UserAuthUsers.LoginAsync(api, new JsonObject
        {
            ["credentials"] = KazooUsers.Md5("ada", "pw"),
            ["account_realm"] = realm.ToUpperInvariant(),
        });

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(account.Id, (string?)answer.DataObject["account_id"]);
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData("unknown account")]
    [InlineData("disabled user")]
    [InlineData("no account given")]
    public async Task Credentials_that_match_no_enabled_user_of_a_known_account_are_401_invalid_credentials(string because)
    {
        var name = $"Refused {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "right", enabled: because != "disabled user"));
        var data = UserAuthUsers.Login("ada", because == "wrong password" ? "wrong" : "right", because == "unknown account" ? $"nobody {Guid.NewGuid():N}" : name);
        if (because == "no account given")
        {
            data.Remove("account_name");
        }

        var answer = await UserAuthUsers.LoginAsync(api, data);

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal("""{"message":"invalid credentials"}""", answer.DataObject.ToJsonString());
        Assert.Null(answer.Json!["auth_token"]);
    }

    [Theory]
    [InlineData("""{"data":{"account_name":"acme"}}""", "credentials", "required")]
    [InlineData("""{"data":{}}""", "credentials", "required")]
    [InlineData("""{"data":{"credentials":""}}""", "credentials", "minLength")]
    [InlineData("""{"data":{"credentials":"0123","method":"plain"}}""", "method", "enum")]
    [InlineData("""{"data":["x"]}""", "data", "type")]
    public async Task Data_the_user_auth_schema_refuses_is_400(string body, string key, string rule)
    {
        var answer = await api.SendAsync(HttpMethod.Put, "/v2/user_auth", Body.Json(body));

        answer.ExpectValidationError(key, rule);
    }

    [Fact]
    public async Task An_empty_body_is_400_credentials_required()
    {
        var answer = await api.SendAsync(HttpMethod.Put, "/v2/user_auth");

        answer.ExpectValidationError("credentials", "required");
    }

    [Theory]
    [InlineData("""{"data":{"credentials":"0123","action":"impersonate_user"}}""", "")]
    [InlineData("""{"data":{"credentials":"0123"},"action":"anything"}""", "")]
    [InlineData("""{"data":{"credentials":"0123"}}""", "?action=impersonate_user")]
    public async Task Any_action_is_403_as_Kazoo_authorizes_plain_logins_only(string body, string query)
    {
        var answer = await api.SendAsync(HttpMethod.Put, $"/v2/user_auth{query}", Body.Json(body));

        answer.ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Other_verbs_are_405_and_the_preflight_allows_put()
    {
        var get = await api.SendAsync(HttpMethod.Get, "/v2/user_auth");
        var preflight = await api.SendAsync(HttpMethod.Options, "/v2/user_auth", configure: r =>
        {
            r.Headers.Add("Origin", "https://monster.example");
            r.Headers.Add("Access-Control-Request-Method", "PUT");
        });

        get.ExpectError(HttpStatusCode.MethodNotAllowed, "invalid_method");
        preflight.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("PUT, OPTIONS", preflight.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_disabled_account_is_400_account_disabled()
    {
        var name = $"Disabled {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        await UserAuthUsers.SaveAsync(api, account.Id, UserAuthUsers.User(account.Id, "ada", "pw"));
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var doc = (await store.GetAsync(AccountDatabase.Accounts, account.Id, CancellationToken.None))!;
        doc["pvt_enabled"] = false;
        await store.SaveAsync(AccountDatabase.Accounts, doc, CancellationToken.None);

        // the account cache of the service lasts a few seconds: poll until the change is seen
        var deadline = DateTime.UtcNow.AddSeconds(15);
        Answer answer;
        do
        {
            answer = await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("ada", "pw", name));
            if (answer.Status == HttpStatusCode.BadRequest || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(250);
        }
        while (true);

        Assert.Equal("account disabled", (string?)answer.ExpectValidationError("account", "disabled")["message"]);
    }
}

/// <summary>user_auth on the embedded store.</summary>
public sealed class UserAuthTestsOnSqlite(ApiFactory api) : UserAuthTests(api), IClassFixture<ApiFactory>;

/// <summary>user_auth with <c>Storage:Provider=couchdb</c> (the <c>users</c> design document in CouchDB).</summary>
public sealed class UserAuthTestsOnCouchDb(CouchDbApiFactory api) : UserAuthTests(api), IClassFixture<CouchDbApiFactory>;
