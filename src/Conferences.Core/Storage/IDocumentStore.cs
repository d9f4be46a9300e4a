namespace Conferences.Core.Storage;

/// <summary>In CouchDB's model because Kazoo stores in CouchDB (docs/kazoo-storage.md); one contract suite for both
/// adapters.</summary>
public interface IDocumentStore
{
    /// <summary>Creates the database if missing and makes sure the design documents that apply to it exist.</summary>
    Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken);

    Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken);

    /// <summary>The stored document (soft-deleted ones included), or null when absent or hard-deleted.</summary>
    Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken);

    /// <summary><c>GET /{db}/{id}/{name}</c> of a live document, or null; Kazoo keeps its signing key this
    /// way.</summary>
    Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken);

    /// <summary>Creates without <c>_rev</c>, updates with it; returns the new revision.</summary>
    Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken);

    /// <summary>Removes the document for good (Kazoo's hard delete); <see cref="DocumentConflictException"/> on a stale revision.</summary>
    Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken);

    /// <summary>
    /// Kazoo's <c>kz_datamgr:save_docs/2</c> (CouchDB <c>_bulk_docs</c>): one request, or one transaction, for many
    /// documents; each is checked on its own (a conflict skips it only), <c>_deleted: true</c> with <c>_rev</c> removes.
    /// </summary>
    /// <returns>one result per document, in the given order.</returns>
    Task<IReadOnlyList<BulkSaveResult>> SaveManyAsync(string database, IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken);

    /// <summary>Queries one of Kazoo's views (<see cref="KazooViews"/>) with CouchDB's view semantics.</summary>
    Task<IReadOnlyList<ViewRow>> QueryViewAsync(
        string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken);

    /// <summary>Whether the store answers; used by <c>/health</c>.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>A number that differs after a write to <paramref name="database"/>: at once through this instance, within a
    /// bound the adapter states through another; null when it cannot tell cheaper than a read (docs/operations.md).</summary>
    ValueTask<long?> ChangeStampAsync(string database, CancellationToken cancellationToken) => ValueTask.FromResult<long?>(null);
}
