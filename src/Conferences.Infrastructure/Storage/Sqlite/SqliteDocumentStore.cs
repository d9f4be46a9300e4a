namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>CouchDB's model in one SQLite file several processes may share (ADR 0002).</summary>
public sealed class SqliteDocumentStore(IOptions<SqliteStoreOptions> options) : IDocumentStore, IAsyncDisposable
{
    private const string Provider = "sqlite";

    private readonly SqliteStoreFile file = new(options.Value);

    // databases installed by this instance; databases are never dropped, so this only skips repeated work
    private readonly ConcurrentDictionary<string, bool> installed = new(StringComparer.Ordinal);

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        if (installed.ContainsKey(database))
        {
            return;
        }
        await file.WriteAsync(async (connection, transaction) =>
        {
            await SqliteDatabaseInstaller.InstallAsync(connection, transaction, database, cancellationToken);
            return true;
        }, cancellationToken);
        installed.TryAdd(database, true);
    }

    public Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) =>
        file.ReadAsync(session => SqliteDocumentTable.DatabaseExistsAsync(session, database, cancellationToken), cancellationToken);

    public Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken) =>
        file.ReadAsync(async session =>
        {
            var body = await SqliteDocumentTable.ReadBodyAsync(session, database, id, cancellationToken);
            return body is null ? null : DocumentAttachments.AsStubs(StoredDocument.Parse(body));
        }, cancellationToken);

    /// <summary>Attachments are kept inline, as CouchDB accepts them on a write.</summary>
    public Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
        file.ReadAsync(async session =>
        {
            var body = await SqliteDocumentTable.ReadBodyAsync(session, database, id, cancellationToken);
            return body is null ? null : DocumentAttachments.Read(StoredDocument.Parse(body), name);
        }, cancellationToken);

    public Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        StoredDocument.ReadIdentity(document);
        return file.WriteAsync(
            (connection, transaction) => SqliteDocumentWriter.SaveAsync(connection, transaction, database, document, cancellationToken),
            cancellationToken);
    }

    public Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken) =>
        file.WriteAsync(async (connection, transaction) =>
        {
            await SqliteDocumentWriter.DeleteAsync(connection, transaction, database, id, revision, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>One transaction, so one commit (one WAL sync) for all of them.</summary>
    public Task<IReadOnlyList<BulkSaveResult>> SaveManyAsync(string database, IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken)
    {
        var checkedDocuments = BulkDocuments.Read(documents);
        return checkedDocuments.Count == 0
            ? Task.FromResult<IReadOnlyList<BulkSaveResult>>([])
            : file.WriteAsync(
                (connection, transaction) => SqliteBulkWriter.SaveAsync(connection, transaction, database, checkedDocuments, cancellationToken),
                cancellationToken);
    }

    /// <summary>A missing database or design document gives no rows; CouchDB's 400 cases throw
    /// <see cref="ArgumentException"/>.</summary>
    public async Task<IReadOnlyList<ViewRow>> QueryViewAsync(
        string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(query);
        ViewQueryRules.Validate(query);
        if (!SqliteViewIndex.ViewsOf(database).Any(installedView => installedView.FullName == view.FullName))
        {
            return [];
        }
        return await file.ReadAsync(
            session => SqliteViewReader.QueryAsync(session, database, view, query, cancellationToken), cancellationToken);
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var databases = await file.ReadAsync(
                session => session.Command("SELECT count(*) FROM databases;").ExecuteScalarAsync(cancellationToken), cancellationToken);
            return new StoreHealth(true, Provider, $"{file.DataSource}: {databases} databases");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StoreHealth(false, Provider, $"{file.DataSource}: {exception.Message}");
        }
    }

    /// <summary>File-wide: a write to any database of the file changes every database's stamp.</summary>
    public ValueTask<long?> ChangeStampAsync(string database, CancellationToken cancellationToken) => new(file.ChangeStamp());

    /// <summary>Closes the kept-open read connections.</summary>
    public ValueTask DisposeAsync() => file.DisposeAsync();
}
