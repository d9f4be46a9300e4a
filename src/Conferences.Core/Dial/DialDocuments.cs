namespace Conferences.Core.Dial;

/// <summary><c>kz_datamgr:open_cache_doc/2</c> and <c>kz_attributes:owned_by/3</c>.</summary>
public sealed class DialDocuments(IDocumentStore store)
{
    public Task<JsonObject?> GetAsync(string accountId, string id, CancellationToken ct) =>
        // ids beginning with '_' are CouchDB's own (design documents), never endpoints
        id.StartsWith('_') ? Task.FromResult<JsonObject?>(null) : store.GetAsync(AccountDatabase.Encoded(accountId), id, ct);

    /// <summary><c>devices/listing_by_owner</c> yields the same set as Kazoo's <c>attributes/owned</c>
    /// (docs/kazoo-storage.md).</summary>
    public async Task<IReadOnlyList<JsonObject>> DevicesOwnedByAsync(string accountId, string userId, CancellationToken ct)
    {
        var rows = await store.QueryViewAsync(AccountDatabase.Encoded(accountId), KazooViews.DeviceByOwner,
            new ViewQuery { Keys = [userId], IncludeDocs = true }, ct).ConfigureAwait(false);
        return [.. rows.Select(row => row.Document).OfType<JsonObject>().Where(device => IsOwnedBy(device, userId))];
    }

    private static bool IsOwnedBy(JsonObject device, string userId) =>
        (device["hotdesk"] as JsonObject)?["users"] is JsonObject { Count: > 0 } hotdeskUsers
            ? hotdeskUsers.ContainsKey(userId)
            : KazooJson.GetString(device, "owner_id") == userId;
}
