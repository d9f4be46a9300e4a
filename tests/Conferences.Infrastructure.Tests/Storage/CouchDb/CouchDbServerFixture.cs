using System.Net.Http.Json;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// The CouchDB-protocol server of the CouchDB tests: the one named by <c>CONFERENCES_TEST_COUCHDB</c> (started by
/// build.sh), or, when the variable is absent, one this fixture starts through tools/couchdb-test-server.sh and stops
/// afterwards. A server that cannot be had fails the tests with the reason; they are never skipped.
/// </summary>
public sealed class CouchDbServerFixture : IStoreSource, IAsyncLifetime
{
    public const string Variable = TestServers.CouchDbVariable;

    private int? startedPort;

    /// <summary>e.g. <c>http://127.0.0.1:15984</c>, without a trailing slash.</summary>
    public string Url { get; private set; } = string.Empty;

    public CouchDbStores Stores { get; } = new();

    public RawCouch Raw { get; private set; } = null!;

    public Task<IDocumentStore> CreateStoreAsync() => Task.FromResult(Stores.Store(Url));

    // a loopback port with nothing listening: every connection is refused
    public IDocumentStore CreateUnreachableStore() => Stores.Store($"http://127.0.0.1:{LoopbackPorts.Unused()}");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var port = LoopbackPorts.Unused();
            await TestCouchDbServer.StartAsync(port);
            startedPort = port;
            configured = $"http://127.0.0.1:{port}";
        }
        Url = configured.TrimEnd('/');
        Raw = new RawCouch(Url);
        try
        {
            var welcome = await Raw.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Url + "/");
            if (welcome is null)
            {
                throw new InvalidOperationException("empty answer");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            throw new InvalidOperationException(
                $"{Variable}={Url} does not answer GET / ({exception.Message}); start it with tools/couchdb-test-server.sh start PORT", exception);
        }
    }

    public async Task DisposeAsync()
    {
        await Stores.DisposeAsync();
        Raw?.Dispose();
        if (startedPort is { } port)
        {
            await TestCouchDbServer.StopAsync(port);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CouchDbCollection : ICollectionFixture<CouchDbServerFixture>
{
    public const string Name = "CouchDB server";
}
