using Conferences.Infrastructure.Storage.CouchDb;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.Api.Tests.Crud;

/// <summary>Instances over one SQLite file: another's write is seen within 50 ms (<c>PRAGMA data_version</c>).</summary>
public sealed class ReadCacheTestsOnSqlite : ReadCacheTests, IDisposable
{
    private readonly string storePath = Path.Combine(Path.GetTempPath(), $"conferences-read-cache-{Guid.NewGuid():N}.db");

    protected override TimeSpan Bound => TimeSpan.FromSeconds(1);

    protected override ApiFactory NewInstance() => new SharedFileApiFactory(storePath);

    public void Dispose()
    {
        Conferences.Infrastructure.Storage.Sqlite.SqlitePoolGate.ClearAllPools();
        foreach (var path in new[] { storePath, $"{storePath}-wal", $"{storePath}-shm" })
        {
            File.Delete(path);
        }
    }

    private sealed class SharedFileApiFactory : ApiFactory
    {
        public SharedFileApiFactory(string path) => Settings.Sqlite(path);
    }
}

/// <summary>Instances over one CouchDB server: another's write is seen when the database's changes feed delivers it, and
/// a feed silent for two heartbeats (1 s) keeps nothing; a kept answer makes no CouchDB call.</summary>
public sealed class ReadCacheTestsOnCouchDb : ReadCacheTests
{
    protected override TimeSpan Bound => TimeSpan.FromSeconds(2);

    protected override ApiFactory NewInstance() => new CountingCouchDbApiFactory();

    [Fact]
    public async Task A_kept_answer_is_served_without_reading_couchdb()
    {
        await using var api = new CountingCouchDbApiFactory();
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Kept" });

        // the database's feed starts with the first read; once it is heard, reads are answered from what was rendered
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            await account.GetAsync($"conferences/{id}");
            var before = api.DocumentReads;
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal("Kept", (await account.GetAsync($"conferences/{id}")).DataObject["name"]!.GetValue<string>());
            }
            if (api.DocumentReads == before)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{api.DocumentReads - before} CouchDB reads for 10 GETs after 5 s");
            await Task.Delay(100);
        }

        (await account.PatchAsync($"conferences/{id}", new JsonObject { ["name"] = "Changed" })).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Changed", (await account.GetAsync($"conferences/{id}")).DataObject["name"]!.GetValue<string>());
    }

    /// <summary>Counts the GETs of account-database documents this instance sends to CouchDB.</summary>
    private sealed class CountingCouchDbApiFactory : CouchDbApiFactory
    {
        private int documentReads;

        public int DocumentReads => Volatile.Read(ref documentReads);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHttpClient(CouchDbServiceCollectionExtensions.HttpClientName)
                .AddHttpMessageHandler(() => new Counting(() => Interlocked.Increment(ref documentReads))));
        }

        private sealed class Counting(Action read) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var path = request.RequestUri!.AbsolutePath;
                // a document of an account database (not a view, not the accounts database)
                if (request.Method == HttpMethod.Get && path.StartsWith("/account%2F", StringComparison.Ordinal) && !path.Contains("/_", StringComparison.Ordinal))
                {
                    read();
                }
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
