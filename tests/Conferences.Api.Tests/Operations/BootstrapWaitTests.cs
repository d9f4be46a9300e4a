using Conferences.Api.Crossbar;
using Conferences.Core.Accounts;
using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conferences.Api.Tests.Operations;

/// <summary>
/// The service waits for a store that does not answer yet at its first start (CouchDB still starting, or slow under
/// the first load of a fresh cluster) instead of failing to start.
/// </summary>
public sealed class BootstrapWaitTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"conferences-bootstrap-wait-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Start_waits_until_the_store_answers_then_bootstraps()
    {
        var store = new UnavailableAtFirst(new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" })), failures: 3);
        var accounts = new AccountService(store, TimeProvider.System);
        var bootstrapper = new AccountBootstrapper(store, accounts, new SigningKeyHolder(),
            Options.Create(new BootstrapOptions { ApiKey = "wait-0123456789abcdef0123456789abcdef0123456789abcdef" }),
            TimeProvider.System, NullLogger<AccountBootstrapper>.Instance);
        var service = new BootstrapHostedService(bootstrapper, TimeProvider.System, NullLogger<BootstrapHostedService>.Instance);

        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, store.FailuresLeft);
        Assert.NotNull(await accounts.FindByApiKeyAsync("wait-0123456789abcdef0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // a leftover temp file is harmless
            }
        }
    }

    /// <summary>A store whose first calls fail as an unreachable CouchDB does.</summary>
    private sealed class UnavailableAtFirst(IDocumentStore inner, int failures) : IDocumentStore
    {
        private int left = failures;

        public int FailuresLeft => Volatile.Read(ref left);

        public Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref left) >= 0)
            {
                throw new DatastoreUnavailableException("the store is still starting");
            }
            Interlocked.Exchange(ref left, 0);
            return inner.EnsureDatabaseAsync(database, cancellationToken);
        }

        public Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) => inner.DatabaseExistsAsync(database, cancellationToken);

        public Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken) => inner.GetAsync(database, id, cancellationToken);

        public Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
            inner.GetAttachmentAsync(database, id, name, cancellationToken);

        public Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken) => inner.SaveAsync(database, document, cancellationToken);

        public Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken) => inner.DeleteAsync(database, id, revision, cancellationToken);

        public Task<IReadOnlyList<ViewRow>> QueryViewAsync(string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken) =>
            inner.QueryViewAsync(database, view, query, cancellationToken);

        public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
    }
}
