using Conferences.Core.Storage;
using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Tests;

/// <summary>
/// The embedded SQLite adapter, which the Infrastructure contract suites check, over a private in-memory database:
/// the test writes documents as Kazoo would have written them, and every call of the code under test goes to the
/// adapter unchanged; only the document reads are counted.
/// </summary>
internal sealed class EmbeddedStore : IDocumentStore
{
    // a shared-cache in-memory database lives as long as one connection to it is open
    private readonly SqliteConnection keepAlive;
    private readonly SqliteDocumentStore store;
    private int reads;

    public EmbeddedStore()
    {
        var connectionString = $"Data Source=core-tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        store = new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = connectionString }));
    }

    /// <summary>How many documents the code under test has read (<see cref="GetAsync"/>); what the test writes is not counted.</summary>
    public int Reads => Volatile.Read(ref reads);

    /// <summary>Writes the document over any with its id, creating the database first; returns the stored revision.</summary>
    public string Put(string database, JsonObject document) => PutAsync(database, document).GetAwaiter().GetResult();

    public string PutInAccount(string accountId, JsonObject document) => Put(AccountDatabase.Encoded(accountId), document);

    public Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken) => store.EnsureDatabaseAsync(database, cancellationToken);

    public Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) => store.DatabaseExistsAsync(database, cancellationToken);

    public Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return store.GetAsync(database, id, cancellationToken);
    }

    public Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
        store.GetAttachmentAsync(database, id, name, cancellationToken);

    public Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken) =>
        store.SaveAsync(database, document, cancellationToken);

    public Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken) =>
        store.DeleteAsync(database, id, revision, cancellationToken);

    public Task<IReadOnlyList<ViewRow>> QueryViewAsync(string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken) =>
        store.QueryViewAsync(database, view, query, cancellationToken);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => store.CheckHealthAsync(cancellationToken);

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
