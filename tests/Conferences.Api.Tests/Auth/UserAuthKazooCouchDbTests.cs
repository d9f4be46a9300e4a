namespace Conferences.Api.Tests.Auth;

/// <summary>
/// <c>user_auth</c> over what Kazoo leaves in CouchDB: a user document written over plain HTTP (not through the
/// service's store) is found by the <c>users/creds_by_md5</c> view, whether the design document is Kazoo's own (kept as
/// it is) or missing (installed on first use).
/// </summary>
public sealed class UserAuthKazooCouchDbTests(CouchDbApiFactory api) : IClassFixture<CouchDbApiFactory>, IDisposable
{
    private readonly HttpClient couch = new();
    private readonly string server = Environment.GetEnvironmentVariable(TestServers.CouchDbVariable)?.TrimEnd('/') ?? "";

    [Fact]
    public async Task A_raw_kazoo_user_is_found_through_kazoos_own_users_design_document_which_stays_untouched()
    {
        var name = $"Kazoo Users {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        var db = AccountDatabase.Encoded(account.Id);
        var existing = await GetAsync($"{db}/_design/users");
        var kazoos = KazooUsersDesign();
        kazoos["_rev"] = existing?["_rev"]?.DeepClone();
        await PutAsync($"{db}/_design/users", kazoos);
        var user = UserAuthUsers.User(account.Id, "ada", "pw");
        await PutAsync($"{db}/{user["_id"]}", user);

        var answer = await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("ada", "pw", name));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal((string?)user["_id"], (string?)answer.DataObject["owner_id"]);
        var design = (await GetAsync($"{db}/_design/users"))!;
        Assert.Null(design["managed_by"]);
        Assert.True(JsonNode.DeepEquals(KazooUsersDesign()["views"], design["views"]), design.ToJsonString());
    }

    [Fact]
    public async Task A_missing_users_design_document_is_installed_when_a_login_needs_it()
    {
        var name = $"No Design {Guid.NewGuid():N}";
        var account = await api.NewAccountAsync(name: name);
        var db = AccountDatabase.Encoded(account.Id);
        var existing = (await GetAsync($"{db}/_design/users"))!;
        (await couch.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Address($"{db}/_design/users?rev={existing["_rev"]}")))).EnsureSuccessStatusCode();
        var user = UserAuthUsers.User(account.Id, "ada", "pw");
        await PutAsync($"{db}/{user["_id"]}", user);

        var answer = await UserAuthUsers.LoginAsync(api, UserAuthUsers.Login("ada", "pw", name));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal((string?)user["_id"], (string?)answer.DataObject["owner_id"]);
        Assert.Equal("conferences", (string?)(await GetAsync($"{db}/_design/users"))!["managed_by"]);
    }

    public void Dispose() => couch.Dispose();

    /// <summary>Kazoo's <c>_design/users</c> with its two credential views (same rows as Kazoo's maps) and one more of its views.</summary>
    private static JsonObject KazooUsersDesign() => new()
    {
        ["_id"] = "_design/users",
        ["kazoo"] = new JsonObject { ["view_map"] = new JsonArray(new JsonObject { ["classification"] = "account" }) },
        ["language"] = "javascript",
        ["views"] = new JsonObject
        {
            ["creds_by_md5"] = Map("""
                function(doc) {
                  if (!doc.pvt_md5_auth || doc.pvt_type != 'user' || doc.pvt_deleted || !doc.enabled) return;
                  emit(doc.pvt_md5_auth, {owner_id: doc._id, account_id: doc.pvt_account_id});
                }
                """),
            ["creds_by_sha"] = Map("""
                function(doc) {
                  if (!doc.pvt_sha1_auth || doc.pvt_type != 'user' || doc.pvt_deleted || !doc.enabled) return;
                  emit(doc.pvt_sha1_auth, {owner_id: doc._id, account_id: doc.pvt_account_id});
                }
                """),
            ["list_by_username"] = Map("""
                function(doc) {
                  if (doc.pvt_type != 'user' || !doc.username || doc.pvt_deleted) return;
                  emit(doc.username, null);
                }
                """),
        },
    };

    private static JsonObject Map(string javascript) => new() { ["map"] = javascript };

    private Uri Address(string path) => new($"{server}/{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    private async Task<JsonObject?> GetAsync(string path)
    {
        using var response = await couch.SendAsync(new HttpRequestMessage(HttpMethod.Get, Address(path)));
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync()) as JsonObject;
    }

    private async Task PutAsync(string path, JsonObject document)
    {
        if (document["_rev"] is null)
        {
            document.Remove("_rev");
        }
        using var content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await couch.SendAsync(new HttpRequestMessage(HttpMethod.Put, Address(path)) { Content = content });
        response.EnsureSuccessStatusCode();
    }
}
