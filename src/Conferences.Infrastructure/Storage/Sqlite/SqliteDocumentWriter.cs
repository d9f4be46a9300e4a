using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// Document writes with CouchDB's MVCC rules (docs/kazoo-storage.md), run inside one <c>BEGIN IMMEDIATE</c>
/// transaction so the revision check, the write and the view rows commit together or not at all.
/// </summary>
internal static class SqliteDocumentWriter
{
    public static async Task<string> SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, JsonObject document, CancellationToken ct)
    {
        var (id, expected) = StoredDocument.ReadIdentity(document);
        await RequireDatabaseAsync(connection, transaction, db, ct);
        var current = await SqliteDocumentTable.ReadRevisionAsync(connection, transaction, db, id, ct);
        if (!Accepts(current, expected))
        {
            throw new DocumentConflictException(db, id);
        }
        var revision = CouchRevision.Next(current?.Revision, StoredDocument.Canonical(document));
        var body = StoredDocument.Serialize(document, id, revision);
        await SqliteDocumentTable.WriteAsync(connection, transaction, db, id, revision, body, ct);
        await SqliteViewIndex.IndexAsync(connection, transaction, db, id, StoredDocument.Parse(body), ct);
        return revision;
    }

    /// <summary>Hard delete: leaves a tombstone revision, so a later create continues its revision count (CouchDB).</summary>
    public static async Task DeleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, string id, string revision, CancellationToken ct)
    {
        await RequireDatabaseAsync(connection, transaction, db, ct);
        var current = await SqliteDocumentTable.ReadRevisionAsync(connection, transaction, db, id, ct);
        if (current is not { Deleted: false } live || live.Revision != revision)
        {
            throw new DocumentConflictException(db, id);
        }
        await SqliteDocumentTable.WriteAsync(connection, transaction, db, id, CouchRevision.Deleted(revision), null, ct);
        await SqliteViewIndex.IndexAsync(connection, transaction, db, id, null, ct);
    }

    // CouchDB's rule: without _rev only a new or hard-deleted id; with _rev the head revision (a tombstone's included)
    private static bool Accepts(StoredRevision? current, string? expected) => expected is null
        ? current is null or { Deleted: true }
        : current is { } head && head.Revision == expected;

    // couchDB answers 404 for writes to a missing database; callers create it with EnsureDatabaseAsync first
    private static async Task RequireDatabaseAsync(SqliteConnection connection, SqliteTransaction transaction, string db, CancellationToken ct)
    {
        if (!await SqliteDocumentTable.DatabaseExistsAsync(connection, transaction, db, ct))
        {
            throw new KeyNotFoundException($"database {db} does not exist; create it with EnsureDatabaseAsync first");
        }
    }
}
