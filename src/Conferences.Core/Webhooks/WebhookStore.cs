namespace Conferences.Core.Webhooks;

/// <summary>
/// Conference webhook documents in the account database (<c>pvt_type</c> <c>conference_webhook</c>), beside the
/// conferences. The per-webhook secret is the private field <see cref="SecretField"/>: never in a public view.
/// </summary>
public sealed class WebhookStore(IDocumentStore store)
{
    public const string DocumentType = WebhookViews.WebhookType;
    public const string SecretField = "pvt_secret";
    public const string DisabledReasonField = "pvt_disabled_reason";
    public const string DisabledAtField = "pvt_disabled_at";

    /// <summary>The stored webhook, or null when missing, soft-deleted, of another type or a design document.</summary>
    public Task<JsonObject?> LoadAsync(string accountId, string id, CancellationToken ct) =>
        store.LoadTypedAsync(accountId, id, DocumentType, allowUntyped: false, ct);

    public Task<JsonObject> SaveAsync(string accountId, JsonObject doc, CancellationToken ct) =>
        store.SaveInAccountAsync(accountId, doc, ct);

    public Task HardDeleteAsync(string accountId, string id, string rev, CancellationToken ct) =>
        store.DeleteAsync(AccountDatabase.Encoded(accountId), id, rev, ct);

    /// <summary>The account's live webhooks, each a listing row (<paramref name="withDocs"/>: with its document).</summary>
    public Task<IReadOnlyList<ViewRow>> ListAsync(string accountId, bool withDocs, CancellationToken ct) =>
        store.QueryViewAsync(AccountDatabase.Encoded(accountId), KazooViews.WebhookListing, new ViewQuery { IncludeDocs = withDocs }, ct);
}
