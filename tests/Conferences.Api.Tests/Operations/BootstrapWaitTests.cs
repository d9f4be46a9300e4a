using Conferences.Api.Crossbar;
using Conferences.Core.Accounts;
using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Conferences.Tests.Storage;

namespace Conferences.Api.Tests.Operations;

/// <summary>
/// The service waits for a store that does not answer yet at its first start (CouchDB still starting, or slow under
/// the first load of a fresh cluster) instead of failing to start.
/// </summary>
public sealed class BootstrapWaitTests : IDisposable
{
    private readonly TemporarySqliteFile file = new("conferences-bootstrap-wait");

    [Fact]
    public async Task Start_waits_until_the_store_answers_then_bootstraps()
    {
        var store = new UnavailableAtFirst(new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = file.ConnectionString })), failures: 3);
        var accounts = new AccountService(store, TimeProvider.System);
        var bootstrapper = new AccountBootstrapper(store, accounts, new SigningKeyHolder(),
            Options.Create(new BootstrapOptions { ApiKey = "wait-0123456789abcdef0123456789abcdef0123456789abcdef" }),
            TimeProvider.System, NullLogger<AccountBootstrapper>.Instance);
        var service = new BootstrapHostedService(bootstrapper, TimeProvider.System, NullLogger<BootstrapHostedService>.Instance);

        await service.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, store.FailuresLeft);
        Assert.NotNull(await accounts.FindByApiKeyAsync("wait-0123456789abcdef0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    public void Dispose() => file.Dispose();

    /// <summary>A store whose first calls fail as an unreachable CouchDB does.</summary>
    private sealed class UnavailableAtFirst(IDocumentStore inner, int failures) : DocumentStoreDecorator(inner)
    {
        private int left = failures;

        public int FailuresLeft => Volatile.Read(ref left);

        public override Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref left) >= 0)
            {
                throw new DatastoreUnavailableException("the store is still starting");
            }
            Interlocked.Exchange(ref left, 0);
            return base.EnsureDatabaseAsync(database, cancellationToken);
        }
    }
}
