using Conferences.Core.Storage;
using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Tests;

/// <summary>
/// The embedded SQLite adapter, which the Infrastructure contract suites check, over a private in-memory database:
/// the test writes documents as Kazoo would have written them, and every call of the code under test goes to the
/// adapter unchanged; only the document reads are counted.
/// </summary>
internal sealed class EmbeddedStore : DocumentStoreDecorator
{
    // a shared-cache in-memory database lives as long as one connection to it is open
    private readonly SqliteConnection keepAlive;
    private readonly SqliteDocumentStore store;
    private int reads;

    public EmbeddedStore()
        : this(new SqliteConnection($"Data Source=core-tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared"))
    {
    }

    private EmbeddedStore(SqliteConnection keepAlive)
        : this(keepAlive, new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = keepAlive.ConnectionString })))
    {
    }

    private EmbeddedStore(SqliteConnection keepAlive, SqliteDocumentStore store)
        : base(store)
    {
        this.keepAlive = keepAlive;
        this.store = store;
        this.keepAlive.Open();
    }

    /// <summary>How many documents the code under test has read (<see cref="GetAsync"/>); what the test writes is not counted.</summary>
    public int Reads => Volatile.Read(ref reads);

    /// <summary>Writes the document over any with its id, creating the database first; returns the stored revision.</summary>
    public string Put(string database, JsonObject document) => PutAsync(database, document).GetAwaiter().GetResult();

    public string PutInAccount(string accountId, JsonObject document) => Put(AccountDatabase.Encoded(accountId), document);

    public override Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return base.GetAsync(database, id, cancellationToken);
    }

    private async Task<string> PutAsync(string database, JsonObject document)
    {
        await store.EnsureDatabaseAsync(database, CancellationToken.None);
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("_rev");
        if (await store.GetAsync(database, KazooJson.GetString(copy, "_id")!, CancellationToken.None) is { } current)
        {
            copy["_rev"] = KazooJson.GetString(current, "_rev");
        }
        return await store.SaveAsync(database, copy, CancellationToken.None);
    }
}
