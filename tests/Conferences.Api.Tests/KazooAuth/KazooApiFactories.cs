namespace Conferences.Api.Tests.KazooAuth;

/// <summary>A test service that accepts Kazoo tokens, and the Kazoo cluster whose documents its store holds.</summary>
public interface IKazooApiFactory
{
    /// <summary>How long secrets are trusted in these hosts: the revocation latency the tests wait out.</summary>
    static readonly TimeSpan SecretLifetime = TimeSpan.FromSeconds(1);

    Task<KazooCluster> ClusterAsync();
}

/// <summary>The embedded store with Kazoo's documents written into it.</summary>
public sealed class KazooEmbeddedApiFactory : ApiFactory, IKazooApiFactory
{
    private readonly Lazy<Task<KazooCluster>> cluster;

    public KazooEmbeddedApiFactory()
    {
        Settings.KazooAuth(IKazooApiFactory.SecretLifetime);
        cluster = new(async () =>
        {
            var started = new KazooCluster(new EmbeddedKazooDocuments(this));
            await MasterAsync();
            await started.StartAsync();
            return started;
        });
    }

    /// <summary>The kinds of token <see cref="AccountWithTokenAsync"/> gives.</summary>
    public static TheoryData<string> TokenKinds => ["own", "kazoo"];

    public Task<KazooCluster> ClusterAsync() => cluster.Value;

    /// <summary>A new child account whose requests carry a token of <paramref name="kind"/>: <c>own</c> (api_auth) or <c>kazoo</c> (a Kazoo user's).</summary>
    public async Task<TestAccount> AccountWithTokenAsync(string kind)
    {
        var account = await NewAccountAsync();
        if (kind == "own")
        {
            return account;
        }
        var kazoo = await ClusterAsync();
        return kazoo.As(await kazoo.UserAsync(account));
    }

}

/// <summary>CouchDB shared with "Kazoo": its documents written over plain HTTP, exactly as Kazoo writes them.</summary>
public sealed class KazooCouchDbApiFactory : CouchDbApiFactory, IKazooApiFactory
{
    private readonly Lazy<Task<KazooCluster>> cluster;
    private readonly CouchKazooDocuments documents = new(Environment.GetEnvironmentVariable(TestServers.CouchDbVariable) ?? "http://127.0.0.1:15984");

    public KazooCouchDbApiFactory()
    {
        Settings.KazooAuth(IKazooApiFactory.SecretLifetime);
        cluster = new(async () =>
        {
            var started = new KazooCluster(documents);
            await MasterAsync();
            await started.StartAsync();
            return started;
        });
    }

    /// <summary>The kinds of token <see cref="AccountWithTokenAsync"/> gives.</summary>
    public static TheoryData<string> TokenKinds => ["own", "kazoo"];

    public Task<KazooCluster> ClusterAsync() => cluster.Value;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            documents.Dispose();
        }
    }
}
