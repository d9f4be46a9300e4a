using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// CouchDB's MVCC rules in one BEGIN IMMEDIATE transaction: check, write and view rows commit together.
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

    // The tombstone lets a later create continue the revision count, as CouchDB does.
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
