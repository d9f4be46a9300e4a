namespace Conferences.Core.Storage;

/// <summary>Typed documents in an account database, read and written the same way for every kind (<c>crossbar_doc</c>).</summary>
public static class AccountDocuments
{
    /// <summary>Null when missing, soft-deleted, a design document or of another type; an untyped document passes when
    /// <paramref name="allowUntyped"/> (<c>crossbar_doc:load/3</c> for GET and PATCH).</summary>
    public static async Task<JsonObject?> LoadTypedAsync(
        this IDocumentStore store, string accountId, string id, string type, bool allowUntyped, CancellationToken ct)
    {
        // ids beginning with '_' are CouchDB's own (design documents): never account documents
        if (id.StartsWith('_'))
        {
            return null;
        }
        var doc = await store.GetAsync(AccountDatabase.Encoded(accountId), id, ct).ConfigureAwait(false);
        if (doc is null || KazooFields.IsSoftDeleted(doc))
        {
            return null;
        }
        var docType = KazooJson.GetString(doc, KazooFields.Type);
        return docType == type || (allowUntyped && !doc.ContainsKey(KazooFields.Type)) ? doc : null;
    }

    /// <summary>Saves and returns the document as stored, with its new <c>_rev</c>.</summary>
    public static async Task<JsonObject> SaveInAccountAsync(this IDocumentStore store, string accountId, JsonObject doc, CancellationToken ct)
    {
        var rev = await store.SaveAsync(AccountDatabase.Encoded(accountId), doc, ct).ConfigureAwait(false);
        var saved = (JsonObject)doc.DeepClone();
        saved[KazooFields.Rev] = rev;
        return saved;
    }
}
