namespace Conferences.Core.Conferences;

/// <summary>Store failures propagate as the port's exceptions; the API's one handler maps them.</summary>
public sealed class ConferenceStore(IDocumentStore store)
{
    public const string DocumentType = "conference";

    public Task<JsonObject?> LoadAsync(string accountId, string id, bool allowUntyped, CancellationToken ct) =>
        store.LoadTypedAsync(accountId, id, DocumentType, allowUntyped, ct);

    public Task<JsonObject> SaveAsync(string accountId, JsonObject doc, CancellationToken ct) =>
        store.SaveInAccountAsync(accountId, doc, ct);

    public Task HardDeleteAsync(string accountId, string id, string rev, CancellationToken ct) =>
        store.DeleteAsync(AccountDatabase.Encoded(accountId), id, rev, ct);

    /// <summary>Changes after any write to the account's database (null: the store cannot tell cheaply).</summary>
    public ValueTask<long?> ChangeStampAsync(string accountId, CancellationToken ct) =>
        store.ChangeStampAsync(AccountDatabase.Encoded(accountId), ct);

    public Task<IReadOnlyList<ViewRow>> QueryAsync(string accountId, ViewDefinition view, ViewQuery query, CancellationToken ct) =>
        store.QueryViewAsync(AccountDatabase.Encoded(accountId), view, query, ct);
}
