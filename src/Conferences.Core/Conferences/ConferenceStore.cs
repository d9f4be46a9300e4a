namespace Conferences.Core.Conferences;

/// <summary>Store failures propagate as the port's exceptions; the API's one handler maps them.</summary>
public sealed class ConferenceStore(IDocumentStore store)
{
    public const string DocumentType = "conference";

    /// <summary>Null when missing, soft-deleted or of another type; untyped passes for GET/PATCH
    /// (<c>crossbar_doc:load/3</c>).</summary>
    public async Task<JsonObject?> LoadAsync(string accountId, string id, bool allowUntyped, CancellationToken ct)
    {
        // ids beginning with '_' are CouchDB's own (design documents): never conferences
        if (id.StartsWith('_'))
        {
            return null;
        }
        var doc = await store.GetAsync(AccountDatabase.Encoded(accountId), id, ct).ConfigureAwait(false);
        if (doc is null || KazooJson.GetBool(doc, KazooFields.Deleted))
        {
            return null;
        }
        var type = KazooJson.GetString(doc, KazooFields.Type);
        return type == DocumentType || (allowUntyped && !doc.ContainsKey(KazooFields.Type)) ? doc : null;
    }

    public async Task<JsonObject> SaveAsync(string accountId, JsonObject doc, CancellationToken ct)
    {
        var rev = await store.SaveAsync(AccountDatabase.Encoded(accountId), doc, ct).ConfigureAwait(false);
        var saved = (JsonObject)doc.DeepClone();
        saved[KazooFields.Rev] = rev;
        return saved;
    }

    public Task HardDeleteAsync(string accountId, string id, string rev, CancellationToken ct) =>
        store.DeleteAsync(AccountDatabase.Encoded(accountId), id, rev, ct);

    public Task<IReadOnlyList<ViewRow>> QueryAsync(string accountId, ViewDefinition view, ViewQuery query, CancellationToken ct) =>
        store.QueryViewAsync(AccountDatabase.Encoded(accountId), view, query, ct);
}
