namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>Kazoo's own CouchDB (docs/kazoo-storage.md); passes the same contract suite as the embedded
/// store.</summary>
public sealed class CouchDbDocumentStore(CouchDbClient client, CouchDbChangeFeeds feeds) : IDocumentStore
{
    private const string Provider = "couchdb";

    // databases this instance created or checked; CouchDB databases are never dropped by the service
    private readonly ConcurrentDictionary<string, bool> installed = new(StringComparer.Ordinal);

    private string Server => client.Server.Display;

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        if (installed.ContainsKey(database))
        {
            return;
        }
        var created = await client.CreateDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
        if (!created.IsPreconditionFailed)
        {
            CouchDbFailures.Require(created, Server, database, null, "creating the database");
        }
        await CouchDbDesignInstaller.InstallAsync(client, database, cancellationToken).ConfigureAwait(false);
        installed.TryAdd(database, true);
    }

    public async Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken)
    {
        var result = await client.DatabaseExistsAsync(database, cancellationToken).ConfigureAwait(false);
        return !result.IsNotFound && CouchDbFailures.Require(result, Server, database, null, "checking the database").IsSuccess;
    }

    /// <summary>404 and a 400 for an impossible id (<c>_foo</c>) are null: the embedded store holds no such document
    /// either.</summary>
    public async Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken)
    {
        var result = await client.GetDocumentAsync(database, id, cancellationToken).ConfigureAwait(false);
        if (result.IsNotFound || result.Status == System.Net.HttpStatusCode.BadRequest)
        {
            return null;
        }
        return CouchDbFailures.Require(result, Server, database, id, $"reading {id}").Body as JsonObject
            ?? throw new DatastoreUnavailableException($"CouchDB at {Server} answered {id} in {database} without a document");
    }

    public async Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken)
    {
        var result = await client.GetDocumentWithAttachmentsAsync(database, id, cancellationToken).ConfigureAwait(false);
        if (result.IsNotFound || result.Status == System.Net.HttpStatusCode.BadRequest)
        {
            return null;
        }
        var doc = CouchDbFailures.Require(result, Server, database, id, $"reading {id}").Body as JsonObject;
        return doc is null ? null : DocumentAttachments.Read(doc, name);
    }

    public async Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The same refusals as the embedded store (and CouchDB's 400s), before anything is sent.
        var (id, _) = StoredDocument.ReadIdentity(document);
        var result = await Written(database, client.PutDocumentAsync(database, id, document, cancellationToken)).ConfigureAwait(false);
        return CouchDbFailures.Require(result, Server, database, id, $"saving {id}").Revision
            ?? throw new DatastoreUnavailableException($"CouchDB at {Server} saved {id} in {database} without a revision");
    }

    /// <summary>A missing (or already deleted) document is a conflict, a missing database <see cref="KeyNotFoundException"/>, as in the embedded store.</summary>
    public async Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(revision);
        var result = await Written(database, client.DeleteDocumentAsync(database, id, revision, cancellationToken)).ConfigureAwait(false);
        if (result.IsNotFound && await DatabaseExistsAsync(database, cancellationToken).ConfigureAwait(false))
        {
            throw new DocumentConflictException(database, id);
        }
        CouchDbFailures.Require(result, Server, database, id, $"deleting {id}");
    }

    /// <summary>One <c>_bulk_docs</c> request; a removal is sent bare (<c>_id</c>, <c>_rev</c>, <c>_deleted</c>), as the embedded store keeps no body.</summary>
    public async Task<IReadOnlyList<BulkSaveResult>> SaveManyAsync(string database, IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken)
    {
        var checkedDocuments = BulkDocuments.Read(documents);
        if (checkedDocuments.Count == 0)
        {
            return [];
        }
        var sent = new JsonArray([.. checkedDocuments.Select(d => (JsonNode?)(d.Removal ? BulkSaveResult.Removal(d.Id, d.Revision!) : d.Body.DeepClone()))]);
        var result = await Written(database, client.BulkDocsAsync(database, sent, cancellationToken)).ConfigureAwait(false);
        if (CouchDbFailures.Require(result, Server, database, null, "saving documents in bulk").Body is not JsonArray rows || rows.Count != checkedDocuments.Count)
        {
            throw new DatastoreUnavailableException($"CouchDB at {Server} answered a bulk write to {database} without one row per document");
        }
        return [.. rows.Select((row, i) => BulkRow(row as JsonObject ?? [], checkedDocuments[i].Id, database))];
    }

    /// <summary>A view Kazoo's maintenance dropped is installed again and the query repeated once.</summary>
    public async Task<IReadOnlyList<ViewRow>> QueryViewAsync(
        string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(query);
        ViewQueryRules.Validate(query);
        if (query.Keys is { Count: 0 } || query.Limit == 0)
        {
            return [];
        }
        var sent = query.Keys is { } keys ? CouchDbViewRows.DistinctKeys(query, keys) : CouchDbViewRows.StringRange(query);
        var result = await client.QueryViewAsync(database, view.Design, view.Name, sent, cancellationToken).ConfigureAwait(false);
        if (result.IsNotFound && await ReinstallAsync(database, view, cancellationToken).ConfigureAwait(false))
        {
            result = await client.QueryViewAsync(database, view.Design, view.Name, sent, cancellationToken).ConfigureAwait(false);
        }
        if (result.IsNotFound)
        {
            return [];
        }
        var rows = CouchDbViewRows.Parse(CouchDbFailures.Require(result, Server, database, null, $"querying {view.FullName}").Object);
        return query.Keys is { } requested ? CouchDbViewRows.Arrange(rows, requested, query.Descending, query.Limit) : rows;
    }

    /// <summary>Moves at once after this instance's writes and within the feed's delivery after anyone's
    /// (<see cref="CouchDbChangeFeeds"/>); null while the database's feed is not heard.</summary>
    public ValueTask<long?> ChangeStampAsync(string database, CancellationToken cancellationToken) => new(feeds.Stamp(database));

    /// <summary>CouchDB 2+ answers <c>/_up</c>; older servers and pouchdb-server only <c>/</c>.</summary>
    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var up = await client.UpAsync(cancellationToken).ConfigureAwait(false);
            if (up.IsNotFound)
            {
                up = await client.ServerInfoAsync(cancellationToken).ConfigureAwait(false);
            }
            return up.IsSuccess
                ? new StoreHealth(true, Provider, $"{Server}: up")
                : new StoreHealth(false, Provider, $"{Server}: {up}");
        }
        catch (DatastoreUnavailableException exception)
        {
            return new StoreHealth(false, Provider, exception.Message);
        }
    }

    // a conflict is the one per-document refusal the port reports; any other (a validate_doc_update) is the store's failure
    private BulkSaveResult BulkRow(JsonObject row, string id, string database)
    {
        var error = KazooJson.GetString(row, "error");
        return KazooJson.GetString(row, "rev") is { } rev && error is null ? new BulkSaveResult(id, rev)
            : error == "conflict" ? new BulkSaveResult(id, null)
            : throw new DatastoreUnavailableException($"CouchDB at {Server} refused {id} in {database}: {error}: {KazooJson.GetString(row, "reason")}");
    }

    // the stamp moves after the write, whatever its outcome: a lost answer may still have written
    private async Task<CouchResult> Written(string database, Task<CouchResult> write)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        finally
        {
            feeds.Written(database);
        }
    }

    private async Task<bool> ReinstallAsync(string database, ViewDefinition view, CancellationToken ct)
    {
        var belongs = KazooViews.For(database).Any(design => design.Views.Any(v => v.FullName == view.FullName));
        if (!belongs || !await DatabaseExistsAsync(database, ct).ConfigureAwait(false))
        {
            return false;
        }
        await CouchDbDesignInstaller.InstallAsync(client, database, ct).ConfigureAwait(false);
        return true;
    }
}
