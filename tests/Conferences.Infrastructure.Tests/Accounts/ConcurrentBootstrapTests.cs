using Conferences.Core.Accounts;
using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Storage;

namespace Conferences.Infrastructure.Tests.Accounts;

/// <summary>
/// Identical API instances starting together on one fresh store (stateless instances over one CouchDB, docs/kazoo-cluster.md)
/// must agree on one master account: one document, one API key, every instance's token signing key the same.
/// Each instance here has its own store object over one SQLite file, as separate processes would.
/// </summary>
public sealed class ConcurrentBootstrapTests : IDisposable
{
    private const int Instances = 8;
    private readonly TemporarySqliteFile file = new("conferences-bootstrap");

    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("configured-key-0123456789abcdef0123456789abcdef")]
    [InlineData(null)]
    public async Task Instances_starting_together_agree_on_one_master(string? configuredKey)
    {
        // every instance reads the (still missing) master configuration before any of them writes: the worst case
        var together = new Rendezvous(Instances);
        var instances = Enumerable.Range(0, Instances).Select(_ => new Instance(new ReadTogetherStore(Store(), together), configuredKey)).ToList();

        var masterIds = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Bootstrapper.RunAsync(Ct), Ct)));

        var masterId = Assert.Single(masterIds.Distinct());
        var store = Store();
        var masters = (await store.QueryViewAsync(AccountDatabase.Accounts, KazooViews.AccountByApiKey, new ViewQuery { IncludeDocs = true }, Ct))
            .Where(row => KazooJson.GetBool(row.Document!, "pvt_superduper_admin")).ToList();
        Assert.Equal(masterId, Assert.Single(masters).Id);
        var apiKey = KazooJson.GetString(masters[0].Document!, "pvt_api_key")!;
        if (configuredKey is not null)
        {
            Assert.Equal(configuredKey, apiKey);
        }
        // the one key finds the one master from every instance, and all instances sign tokens alike
        foreach (var instance in instances)
        {
            Assert.Equal(masterId, KazooJson.GetString((await instance.Accounts.FindByApiKeyAsync(apiKey, Ct))!, "_id"));
        }
        Assert.Single(instances.Select(i => Convert.ToBase64String(i.SigningKey.Key)).Distinct());
    }

    [Fact]
    public async Task A_claimed_master_whose_account_is_missing_is_created_under_the_claimed_id()
    {
        var first = new Instance(Store(), "key-one-0123456789abcdef0123456789abcdef");
        var masterId = await first.Bootstrapper.RunAsync(Ct);
        var store = Store();
        var account = (await store.GetAsync(AccountDatabase.Accounts, masterId, Ct))!;
        await store.DeleteAsync(AccountDatabase.Accounts, masterId, KazooJson.GetString(account, "_rev")!, Ct);

        var again = await new Instance(Store(), "key-two-0123456789abcdef0123456789abcdef").Bootstrapper.RunAsync(Ct);

        Assert.Equal(masterId, again);
        var recreated = (await store.GetAsync(AccountDatabase.Accounts, masterId, Ct))!;
        Assert.Equal("key-two-0123456789abcdef0123456789abcdef", KazooJson.GetString(recreated, "pvt_api_key"));
    }

    public void Dispose() => file.Dispose();

    private SqliteDocumentStore Store() =>
        new(Options.Create(new SqliteStoreOptions { ConnectionString = file.ConnectionString, BusyTimeout = TimeSpan.FromSeconds(10) }));

    /// <summary>Completes for everyone once <c>count</c> parties have arrived.</summary>
    private sealed class Rendezvous(int count)
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref arrived) == count)
            {
                all.TrySetResult();
            }
            return all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A store whose first read of <c>system_config/accounts</c> returns only when every instance has read it.</summary>
    private sealed class ReadTogetherStore(IDocumentStore inner, Rendezvous together) : DocumentStoreDecorator(inner)
    {
        private int first = 1;

        public override async Task<System.Text.Json.Nodes.JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken)
        {
            var doc = await base.GetAsync(database, id, cancellationToken);
            if (database == AccountDatabase.SystemConfig && id == "accounts" && Interlocked.Exchange(ref first, 0) == 1)
            {
                await together.ArriveAsync();
            }
            return doc;
        }
    }

    private sealed class Instance
    {
        public Instance(IDocumentStore store, string? apiKey)
        {
            Accounts = new AccountService(store, TimeProvider.System);
            Bootstrapper = new AccountBootstrapper(store, Accounts, SigningKey,
                Options.Create(new BootstrapOptions { ApiKey = apiKey }), TimeProvider.System, NullLogger<AccountBootstrapper>.Instance);
        }

        public AccountService Accounts { get; }

        public SigningKeyHolder SigningKey { get; } = new();

        public AccountBootstrapper Bootstrapper { get; }
    }
}
