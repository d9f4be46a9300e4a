using Conferences.Core.Storage;

namespace Conferences.Core.Tests.Dial;

/// <summary>
/// A test double of the document store port (reads and view queries over documents written directly), enough for
/// dial's lookups; the real stores are covered by the Infrastructure contract suite.
/// </summary>
internal sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _databases = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public void Put(string database, JsonObject document)
    {
        if (!_databases.TryGetValue(database, out var docs))
        {
            docs = new(StringComparer.Ordinal);
            _databases[database] = docs;
        }
        docs[KazooJson.GetString(document, "_id")!] = (JsonObject)document.DeepClone();
    }

    public void PutInAccount(string accountId, JsonObject document) => Put(AccountDatabase.Encoded(accountId), document);

    public Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) =>
        Task.FromResult(_databases.ContainsKey(database));

    public Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_databases.TryGetValue(database, out var docs) && docs.TryGetValue(id, out var doc)
            ? (JsonObject?)doc.DeepClone()
            : null);
    }

    /// <summary>Inline attachments (<c>_attachments.{name}.data</c>, base64), as both real stores accept them.</summary>
    public Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_databases.TryGetValue(database, out var docs) && docs.TryGetValue(id, out var doc)
            && doc["_attachments"]?[name]?["data"]?.GetValue<string>() is { } data
            ? Convert.FromBase64String(data)
            : null);

    public Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken)
    {
        Put(database, document);
        return Task.FromResult("1-test");
    }

    public Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken)
    {
        _databases.GetValueOrDefault(database)?.Remove(id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ViewRow>> QueryViewAsync(string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken)
    {
        var rows = _databases.GetValueOrDefault(database)?.Values
            .SelectMany(doc => view.Map(doc).Select(kv => new ViewRow(KazooJson.GetString(doc, "_id")!, kv.Key, kv.Value, query.IncludeDocs ? (JsonObject)doc.DeepClone() : null)))
            .Where(row => query.Keys is null || query.Keys.Contains(row.Key))
            .OrderBy(row => row.Key, StringComparer.Ordinal)
            .ThenBy(row => row.Id, StringComparer.Ordinal)
            .ToList() ?? [];
        return Task.FromResult<IReadOnlyList<ViewRow>>(rows);
    }

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
