namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>The document store contract against a CouchDB-protocol server, plus what only CouchDB has (its design documents).</summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbDocumentStoreContractTests(CouchDbServerFixture server) : DocumentStoreContract
{
    protected override Task<IDocumentStore> CreateStoreAsync() => Task.FromResult(server.Stores.Store(server.Url));

    /// <summary>A loopback port with nothing listening: every connection is refused.</summary>
    protected override IDocumentStore CreateUnreachableStore() =>
        server.Stores.Store($"http://127.0.0.1:{LoopbackPorts.Unused()}");

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
