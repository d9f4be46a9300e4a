namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// Design documents in a CouchDB shared with Kazoo (docs/kazoo-storage.md): Kazoo's are never rewritten, only given the
/// views they lack; the service's own are kept up to date; a view that disappears is installed again when needed.
/// </summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbDesignDocumentTests(CouchDbServerFixture server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Kazoos_design_documents_are_left_untouched_and_missing_views_are_added_beside_theirs()
    {
        var (accountId, path) = await KazooAccountDatabaseAsync(withKazooDesigns: true);
        var partial = KazooFixtures.ConferencesDesign();
        partial["views"]!.AsObject().Remove("listing_by_name");
        partial["views"]!["kazoo_only"] = new JsonObject { ["map"] = "function(doc) { emit(doc._id, 1); }" };
        await server.Raw.OverwriteAsync($"{path}/_design/conferences", partial);
        var before = await server.Raw.GetObjectAsync($"{path}/_design/conference");

        await Services().GetRequiredService<IDocumentStore>().EnsureDatabaseAsync(AccountDatabase.Encoded(accountId), Ct);

        Assert.True(JsonNode.DeepEquals(before, await server.Raw.GetObjectAsync($"{path}/_design/conference")));
        var conferences = await server.Raw.GetObjectAsync($"{path}/_design/conferences");
        Assert.True(JsonNode.DeepEquals(partial["views"]!["crossbar_listing"], conferences["views"]!["crossbar_listing"]));
        Assert.True(JsonNode.DeepEquals(partial["views"]!["kazoo_only"], conferences["views"]!["kazoo_only"]));
        Assert.Equal(KazooViews.ConferenceByName.JavaScriptMap, conferences["views"]!["listing_by_name"]!["map"]!.GetValue<string>());
        Assert.Null(conferences["managed_by"]);
    }

    [Fact]
    public async Task Design_document_of_an_older_release_of_the_service_is_brought_up_to_date()
    {
        var (accountId, path) = await KazooAccountDatabaseAsync(withKazooDesigns: false);
        await server.Raw.PutAsync($"{path}/_design/conference", new JsonObject
        {
            ["_id"] = "_design/conference",
            ["language"] = "javascript",
            ["managed_by"] = "conferences",
            ["views"] = new JsonObject { ["listing_by_number"] = new JsonObject { ["map"] = "function(doc) {}" } },
        });

        await Services().GetRequiredService<IDocumentStore>().EnsureDatabaseAsync(AccountDatabase.Encoded(accountId), Ct);

        var design = await server.Raw.GetObjectAsync($"{path}/_design/conference");
        Assert.Matches("^2-", design["_rev"]!.GetValue<string>());
        Assert.Equal(KazooViews.ConferenceByNumber.JavaScriptMap, design["views"]!["listing_by_number"]!["map"]!.GetValue<string>());
    }

    [Fact]
    public async Task View_removed_behind_the_stores_back_is_installed_again_on_the_next_query()
    {
        var (accountId, path) = await KazooAccountDatabaseAsync(withKazooDesigns: false);
        var db = AccountDatabase.Encoded(accountId);
        var store = Services().GetRequiredService<IDocumentStore>();
        await store.EnsureDatabaseAsync(db, Ct);
        var id = KazooIds.NewId();
        await store.SaveAsync(db, KazooFixtures.Conference(accountId, id, "Survivor", ["8100"], [], []), Ct);
        var design = await server.Raw.GetObjectAsync($"{path}/_design/conference");
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"{server.Url}/{path}/_design/conference?rev={design["_rev"]}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true })))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Raw.Http.SendAsync(delete)).StatusCode);
        }

        var rows = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["8100"] }, Ct);

        Assert.Equal(id, Assert.Single(rows).Id);
    }

    private Task<(string AccountId, string Path)> KazooAccountDatabaseAsync(bool withKazooDesigns) =>
        server.Raw.CreateKazooAccountDatabaseAsync(withKazooDesigns);

    private ServiceProvider Services() => server.Stores.Services(server.Url);
}
