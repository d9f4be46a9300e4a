namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must share: CouchDB's, as Kazoo relies on it (docs/kazoo-storage.md).
/// Each suite (<c>*Contract</c>) runs once per adapter; every test works in a fresh account database.
/// </summary>
public abstract class DocumentStoreContract(IStoreSource source)
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    protected const string RevisionPattern = "^[1-9][0-9]*-[0-9a-f]{32}$";

    protected Task<IDocumentStore> CreateStoreAsync() => source.CreateStoreAsync();

    protected IDocumentStore CreateUnreachableStore() => source.CreateUnreachableStore();

    protected static string NewAccountDatabase() => AccountDatabase.Encoded(KazooIds.NewId());

    protected async Task<(IDocumentStore Store, string Db)> StoreWithDatabaseAsync()
    {
        var store = await CreateStoreAsync();
        var db = NewAccountDatabase();
        await store.EnsureDatabaseAsync(db, Ct);
        return (store, db);
    }

    /// <summary>A new database holding <paramref name="count"/> conferences, whose ids come back in CouchDB's order.</summary>
    protected async Task<(IDocumentStore Store, string Db, List<string> Ids)> StoreWithConferencesAsync(int count)
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(count);
        foreach (var id in ids)
        {
            await store.SaveAsync(db, Conference(id), Ct);
        }
        return (store, db, ids);
    }

    protected static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    protected static JsonObject Conference(string id, string? name = null, string[]? numbers = null) => new()
    {
        ["_id"] = id,
        ["pvt_type"] = "conference",
        ["name"] = name ?? $"conference {id[..6]}",
        ["conference_numbers"] = new JsonArray([.. (numbers ?? []).Select(n => (JsonNode?)n)]),
    };

    /// <summary><paramref name="document"/> sent as the next revision after <paramref name="revision"/> (its <c>_rev</c>).</summary>
    protected static JsonObject Revising(string revision, JsonObject document)
    {
        document["_rev"] = revision;
        return document;
    }

    /// <summary>A soft delete as crossbar saves it: <c>pvt_deleted</c> on the next revision after <paramref name="revision"/>.</summary>
    protected static JsonObject SoftDeleting(string revision, JsonObject document)
    {
        document["pvt_deleted"] = true;
        return Revising(revision, document);
    }

    protected static void AssertJsonEqual(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()} but got {actual?.ToJsonString()}");

    /// <summary>Asserts that the stored document <paramref name="id"/> is named <paramref name="name"/> at <paramref name="revision"/>.</summary>
    protected static async Task AssertStoredAsync(IDocumentStore store, string db, string id, string name, string revision)
    {
        var stored = await store.GetAsync(db, id, Ct);
        Assert.Equal(name, KazooJson.GetString(stored!, "name"));
        Assert.Equal(revision, KazooJson.GetString(stored!, "_rev"));
    }

    protected static JsonObject WithoutRevision(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("_rev");
        return copy;
    }

    // ids in the order CouchDB sorts them; every id here is 32 lower-case hex characters
    protected static List<string> SortedIds(int count) => [.. Enumerable.Range(0, count).Select(_ => KazooIds.NewId()).Order(StringComparer.Ordinal)];
}
