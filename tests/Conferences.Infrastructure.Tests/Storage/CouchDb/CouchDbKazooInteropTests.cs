using Conferences.Core;
using Conferences.Core.Accounts;
using Conferences.Core.Conferences;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// One CouchDB shared with Kazoo (docs/kazoo-cluster.md): documents Kazoo wrote are listed, read, patched and soft-deleted by the
/// conference service, and what the service writes is what Kazoo's own views and readers expect (docs/kazoo-storage.md).
/// Kazoo's side is plain HTTP with hand-written paths.
/// </summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbKazooInteropTests(CouchDbServerFixture server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string[] ListItemFields = ["name", "owner_id", "member", "moderator", "conference_numbers"];

    [Fact]
    public async Task Conference_written_by_kazoo_is_listed_read_patched_and_soft_deleted_by_the_service()
    {
        var (accountId, path) = await KazooAccountDatabaseAsync(withKazooDesigns: true);
        var id = KazooIds.NewId();
        var kazooDoc = KazooFixtures.Conference(accountId, id, "Kazoo Sales Bridge", ["5550100"], ["5550101"], ["5550102"]);
        var (_, written) = await server.Raw.PutAsync($"{path}/{id}", kazooDoc);
        var kazooRev = written!["rev"]!.GetValue<string>();
        var services = Services();
        var conferences = services.GetRequiredService<ConferenceService>();

        var list = await conferences.ListAsync(Context(accountId), Ct);
        var read = await conferences.GetAsync(Context(accountId), id, Ct);

        var item = Assert.Single(list.Items)!.AsObject();
        Assert.Equal(id, item["id"]!.GetValue<string>());
        foreach (var field in ListItemFields)
        {
            Assert.True(JsonNode.DeepEquals(kazooDoc[field], item[field]), $"{field}: {item[field]?.ToJsonString()}");
        }
        Assert.Equal("[]", item["flags"]!.ToJsonString());
        Assert.Equal(["_read_only", "conference_numbers", "flags", "id", "member", "moderator", "name", "owner_id"], item.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal(kazooRev, read.Revision);
        Assert.Equal("Kazoo Sales Bridge", read.Data["name"]!.GetValue<string>());
        Assert.Equal(25, read.Data["profile"]!["max-members"]!.GetValue<int>());
        Assert.DoesNotContain(read.Data, member => member.Key.StartsWith("pvt_", StringComparison.Ordinal));

        // Kazoo's numbers are taken: the service's uniqueness check reads Kazoo's listing_by_number.
        var taken = await Assert.ThrowsAsync<CrossbarException>(() => conferences.CreateAsync(
            Context(accountId, new JsonObject { ["conference_numbers"] = new JsonArray("5550101") }), Ct));
        Assert.Equal(400, taken.Status);

        await conferences.PatchAsync(Context(accountId, new JsonObject { ["name"] = "Renamed", ["member"] = new JsonObject { ["pins"] = new JsonArray("4321") } }), id, Ct);

        var patched = await server.Raw.GetObjectAsync($"{path}/{id}");
        Assert.Matches("^2-", patched["_rev"]!.GetValue<string>());
        Assert.Equal("Renamed", patched["name"]!.GetValue<string>());
        Assert.Equal("renamed", patched["pvt_alphanum_name"]!.GetValue<string>());
        Assert.Equal("""["4321"]""", patched["member"]!["pins"]!.ToJsonString());
        Assert.Equal("""["5550101"]""", patched["member"]!["numbers"]!.ToJsonString());
        foreach (var kept in new[] { "pvt_created", "pvt_account_db", "pvt_vsn", "pvt_auth_user_id", "ui_metadata", "profile" })
        {
            Assert.True(JsonNode.DeepEquals(kazooDoc[kept], patched[kept]), $"{kept}: {patched[kept]?.ToJsonString()}");
        }
        Assert.True(patched["pvt_modified"]!.GetValue<long>() > KazooFixtures.Modified);
        Assert.Equal("Renamed", (await ViewRowsAsync(path, "conferences", "crossbar_listing")).Single()!["value"]!["name"]!.GetValue<string>());

        await conferences.DeleteAsync(Context(accountId), id, Ct);

        var deleted = await server.Raw.GetObjectAsync($"{path}/{id}");
        Assert.True(deleted["pvt_deleted"]!.GetValue<bool>());
        Assert.Empty(await ViewRowsAsync(path, "conferences", "crossbar_listing"));
        Assert.Empty(await ViewRowsAsync(path, "conference", "listing_by_number"));
        Assert.Empty((await conferences.ListAsync(Context(accountId), Ct)).Items);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Conference_created_by_the_service_is_what_kazoos_views_and_fields_expect(bool kazooDesigns)
    {
        var (accountId, path) = await KazooAccountDatabaseAsync(kazooDesigns);
        var services = Services();
        await services.GetRequiredService<IDocumentStore>().EnsureDatabaseAsync(AccountDatabase.Encoded(accountId), Ct);
        var authAccount = KazooIds.NewId();
        var request = new JsonObject
        {
            ["name"] = "Board Room #1",
            ["conference_numbers"] = new JsonArray("7000"),
            ["member"] = new JsonObject { ["numbers"] = new JsonArray("7001"), ["pins"] = new JsonArray("1111") },
            ["moderator"] = new JsonObject { ["numbers"] = new JsonArray("7002") },
            ["ui_flags"] = new JsonObject { ["color"] = "blue" },
        };

        var created = await services.GetRequiredService<ConferenceService>().CreateAsync(Context(accountId, request, authAccount), Ct);

        var id = created.Data["id"]!.GetValue<string>();
        var listing = Assert.Single(await ViewRowsAsync(path, "conferences", "crossbar_listing"))!.AsObject();
        Assert.Equal(id, listing["id"]!.GetValue<string>());
        Assert.Equal(id, listing["key"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""
            {"id":"{{id}}","name":"Board Room #1",
             "member":{"numbers":["7001"],"pins":["1111"],"join_deaf":false,"join_muted":true},
             "moderator":{"numbers":["7002"],"join_deaf":false,"join_muted":false,"pins":[]},
             "ui_flags":{"color":"blue"},"conference_numbers":["7000"],"flags":[]}
            """), listing["value"]), listing["value"]!.ToJsonString());
        var numbers = await server.Raw.PostAsync($"{path}/_design/conference/_view/listing_by_number", new JsonObject { ["keys"] = new JsonArray("7000", "7001", "7002") });
        Assert.Equal(["7000", "7001", "7002"], numbers.Body!["rows"]!.AsArray().Select(row => row!["key"]!.GetValue<string>()));
        Assert.All(numbers.Body!["rows"]!.AsArray(), row => Assert.Equal(id, row!["id"]!.GetValue<string>()));
        Assert.All(numbers.Body!["rows"]!.AsArray(), row => Assert.Null(row!["value"]));

        var stored = await server.Raw.GetObjectAsync($"{path}/{id}");
        Assert.Equal(created.Revision, stored["_rev"]!.GetValue<string>());
        Assert.Equal("conference", stored["pvt_type"]!.GetValue<string>());
        Assert.Equal("1", stored["pvt_vsn"]!.GetValue<string>());
        Assert.Equal(accountId, stored["pvt_account_id"]!.GetValue<string>());
        Assert.Equal(path, stored["pvt_account_db"]!.GetValue<string>());
        Assert.Equal(stored["pvt_created"]!.GetValue<long>(), stored["pvt_modified"]!.GetValue<long>());
        Assert.InRange(stored["pvt_created"]!.GetValue<long>(), 63_800_000_000, 70_000_000_000);
        Assert.True(stored["pvt_is_authenticated"]!.GetValue<bool>());
        Assert.Equal(authAccount, stored["pvt_auth_account_id"]!.GetValue<string>());
        Assert.Equal("boardroom1", stored["pvt_alphanum_name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(stored["pvt_request_id"]!.GetValue<string>()));
    }

    /// <summary>
    /// On a server of its own: Kazoo's <c>_design/accounts</c> keeps its <c>listing_by_name</c> (same rows, another
    /// map text), and that must not leak into the other tests' <c>accounts</c> database.
    /// </summary>
    [Fact]
    public async Task Kazoo_account_is_found_by_its_api_key_and_kazoos_account_views_survive()
    {
        await using var kazoo = await PrivateCouchDbServer.StartAsync();
        await kazoo.Raw.PutAsync("accounts");
        // What Kazoo's view refresh leaves: its own _design/accounts, without the service's api key view.
        await kazoo.Raw.OverwriteAsync("accounts/_design/accounts", KazooFixtures.AccountsDesign());
        var master = KazooIds.NewId();
        var reseller = KazooIds.NewId();
        var id = KazooIds.NewId();
        var apiKey = KazooIds.RandomHex(32);
        var account = KazooFixtures.Account(id, "Kazoo Customer, Inc.", [master, reseller], apiKey);
        var (_, written) = await kazoo.Raw.PutAsync($"accounts/{id}", account);
        var accounts = server.Stores.Services(kazoo.Url, configure: services => services.AddConferencesCore().AddInProcessMessaging()).GetRequiredService<AccountService>();

        var byKey = await accounts.FindByApiKeyAsync(apiKey, Ct);
        var byId = await accounts.FindAsync(id, Ct);

        Assert.NotNull(byKey);
        var expected = (JsonObject)account.DeepClone();
        expected["_rev"] = written!["rev"]!.GetValue<string>();
        Assert.True(JsonNode.DeepEquals(expected, byKey), byKey.ToJsonString());
        Assert.Equal([master, reseller], AccountDocument.Tree(byId!));
        var design = await kazoo.Raw.GetObjectAsync("accounts/_design/accounts");
        var kazoos = KazooFixtures.AccountsDesign();
        Assert.True(JsonNode.DeepEquals(kazoos["views"]!["listing_by_api"], design["views"]!["listing_by_api"]));
        Assert.True(JsonNode.DeepEquals(kazoos["views"]!["listing_by_name"], design["views"]!["listing_by_name"]));
        Assert.True(JsonNode.DeepEquals(kazoos["kazoo"], design["kazoo"]));
        Assert.NotNull(design["views"]!["listing_by_api_key"]);
        var kazooLookup = await kazoo.Raw.PostAsync("accounts/_design/accounts/_view/listing_by_api", new JsonObject { ["keys"] = new JsonArray(apiKey) });
        Assert.Equal(id, Assert.Single(kazooLookup.Body!["rows"]!.AsArray())!["value"]!["account_id"]!.GetValue<string>());
    }

    private Task<(string AccountId, string Path)> KazooAccountDatabaseAsync(bool withKazooDesigns) =>
        server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns);

    private async Task<JsonArray> ViewRowsAsync(string path, string design, string view) =>
        (await server.Raw.GetObjectAsync($"{path}/_design/{design}/_view/{view}"))["rows"]!.AsArray();

    private ServiceProvider Services() =>
        server.Stores.Services(server.Url, configure: services => services.AddConferencesCore().AddInProcessMessaging());

    private static CrossbarContext Context(string accountId, JsonObject? data = null, string? authAccountId = null) => new()
    {
        RequestId = KazooIds.NewId(),
        AccountId = accountId,
        AuthAccountId = authAccountId ?? accountId,
        Data = data ?? new JsonObject(),
    };
}
