namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>What only the CouchDB store has (its design documents); the shared suites are in CouchDbContractSuites.</summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbDocumentStoreContractTests(CouchDbServerFixture server) : DocumentStoreContract(server)
{
    [Fact]
    public async Task Health_names_the_couchdb_provider()
    {
        var health = await server.Stores.Store(server.Url).CheckHealthAsync(Ct);

        Assert.True(health.Healthy, health.Description);
        Assert.Equal("couchdb", health.Provider);
        Assert.Equal("couchdb", (await CreateUnreachableStore().CheckHealthAsync(Ct)).Provider);
    }

    [Fact]
    public async Task Installed_design_documents_carry_the_views_javascript_for_couchdb()
    {
        var store = server.Stores.Store(server.Url);
        var db = NewAccountDatabase();

        await store.EnsureDatabaseAsync(db, Ct);

        foreach (var design in KazooViews.For(db))
        {
            var stored = await server.Raw.GetObjectAsync($"{db}/{design.Id}");
            Assert.Equal("javascript", KazooJson.GetString(stored, "language"));
            foreach (var view in design.Views)
            {
                Assert.Equal(view.JavaScriptMap, KazooJson.GetPath(stored, $"views.{view.Name}.map")?.GetValue<string>());
            }
        }
    }
}
