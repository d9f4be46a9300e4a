using Conferences.Infrastructure.Storage;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>Selecting and configuring the CouchDB store (docs/operations.md): provider, connection string, credentials, budgets.</summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbConfigurationTests(CouchDbServerFixture server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Credentials_from_the_connection_string_become_basic_auth_and_stay_out_of_the_url()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.OK, """{"status":"ok"}"""));
        var client = server.Stores.ClientOver("http://admin:s3cr%40t@couch.test:5984", handler);

        await client.UpAsync(Ct);

        var (_, uri, authorization) = Assert.Single(handler.Requests);
        Assert.Equal("http://couch.test:5984/_up", uri);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:s3cr@t"))}", authorization);
        Assert.DoesNotContain("s3cr", new CouchDbOptions { ConnectionString = "http://admin:s3cr%40t@couch.test:5984" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_credentials_make_the_store_unavailable_without_revealing_them()
    {
        var url = server.Url.Replace("http://", "http://intruder:wr0ngpass@", StringComparison.Ordinal);
        var store = server.Stores.Store(url);

        var failure = await Assert.ThrowsAsync<DatastoreUnavailableException>(() => store.EnsureDatabaseAsync(AccountDatabase.Encoded(KazooIds.NewId()), Ct));

        Assert.Contains("credentials", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wr0ngpass", failure.Message, StringComparison.Ordinal);
        Assert.False((await store.CheckHealthAsync(Ct)).Healthy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("couch.example:5984")]
    [InlineData("ftp://admin:hunter2@couch.example")]
    public void Couchdb_without_a_usable_connection_string_fails_at_startup_naming_the_key(string? connectionString)
    {
        var configuration = CouchDbStores.Configuration(connectionString!);

        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStorage(configuration));

        Assert.Contains("ConnectionStrings:CouchDb", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_provider_couchdb_selects_the_couchdb_store()
    {
        using var provider = new ServiceCollection().AddStorage(CouchDbStores.Configuration(server.Url)).BuildServiceProvider();

        Assert.IsType<CouchDbDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Time_budget_outside_its_range_fails_validation()
    {
        var provider = server.Stores.Services(server.Url, new Dictionary<string, string?> { ["CouchDb:TotalTimeout"] = "00:00:00.001" });

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CouchDbOptions>>().Value);

        Assert.Contains("TotalTimeout", failure.Message, StringComparison.Ordinal);
    }
}
