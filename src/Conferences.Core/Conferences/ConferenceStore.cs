namespace Conferences.Core.Conferences;

/// <summary>
/// Conference documents in the account database. Store failures (conflict, unreachable) propagate as the
/// port's exceptions and become Kazoo errors in the API's one error handler.
/// </summary>
public sealed class ConferenceStore(IDocumentStore store)
{
    public const string DocumentType = "conference";

    /// <summary>
    /// The stored conference, or null when missing, soft-deleted or of another type. A document without
    /// <c>pvt_type</c> passes when <paramref name="allowUntyped"/> (Kazoo loads untyped documents for GET and PATCH: <c>crossbar_doc:load/3</c>).
    /// </summary>
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

    /// <summary>Saves and returns the document as stored, with its new <c>_rev</c>.</summary>
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
