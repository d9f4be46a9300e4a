using System.Text.Json.Nodes;
using Conferences.Core.Storage;

namespace Conferences.Tests.Storage;

/// <summary>
/// Passes every call to a real store adapter (one the contract suites check); a test overrides the one call it
/// watches or delays. Shared (linked) by the test projects that need such a store.
/// </summary>
public abstract class DocumentStoreDecorator(IDocumentStore inner) : IDocumentStore
{
    public virtual Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken) => inner.EnsureDatabaseAsync(database, cancellationToken);

    public virtual Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) => inner.DatabaseExistsAsync(database, cancellationToken);

    public virtual Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken) => inner.GetAsync(database, id, cancellationToken);

    public virtual Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
        inner.GetAttachmentAsync(database, id, name, cancellationToken);

    public virtual Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken) =>
        inner.SaveAsync(database, document, cancellationToken);

    public virtual Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken) =>
        inner.DeleteAsync(database, id, revision, cancellationToken);

    public virtual Task<IReadOnlyList<BulkSaveResult>> SaveManyAsync(string database, IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken) =>
        inner.SaveManyAsync(database, documents, cancellationToken);

    public virtual Task<IReadOnlyList<ViewRow>> QueryViewAsync(string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken) =>
        inner.QueryViewAsync(database, view, query, cancellationToken);

    public virtual Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);
}
