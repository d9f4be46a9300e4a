using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Core.Storage;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must share: CouchDB's, as Kazoo relies on it (docs/kazoo-storage.md).
/// Subclass it with a factory for each adapter; every test works in a fresh account database.
/// </summary>
public abstract partial class DocumentStoreContract
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    private const string RevisionPattern = "^[1-9][0-9]*-[0-9a-f]{32}$";

    /// <summary>A store over the adapter's shared storage; two calls give two instances over the same data.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    /// <summary>A store whose backend cannot be reached (missing file, closed port).</summary>
    protected abstract IDocumentStore CreateUnreachableStore();

    protected static string NewAccountDatabase() => AccountDatabase.Encoded(KazooIds.NewId());

    private async Task<(IDocumentStore Store, string Db)> StoreWithDatabaseAsync()
    {
        var store = await CreateStoreAsync();
        var db = NewAccountDatabase();
        await store.EnsureDatabaseAsync(db, Ct);
        return (store, db);
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Conference(string id, string? name = null, string[]? numbers = null) => new()
    {
        ["_id"] = id,
        ["pvt_type"] = "conference",
        ["name"] = name ?? $"conference {id[..6]}",
        ["conference_numbers"] = new JsonArray([.. (numbers ?? []).Select(n => (JsonNode?)n)]),
    };

    private static void AssertJsonEqual(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()} but got {actual?.ToJsonString()}");

    private static JsonObject WithoutRevision(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("_rev");
        return copy;
    }

    /// <summary>Ids in the order CouchDB sorts them; every id here is 32 lower-case hex characters.</summary>
    private static List<string> SortedIds(int count) => [.. Enumerable.Range(0, count).Select(_ => KazooIds.NewId()).Order(StringComparer.Ordinal)];
}
