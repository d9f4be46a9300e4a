using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// As kz_datamgr:db_create/1 and a view refresh do; changed views are rewritten and re-indexed.
internal static class SqliteDatabaseInstaller
{
    public static async Task InstallAsync(SqliteConnection connection, SqliteTransaction transaction, string db, CancellationToken ct)
    {
        await SqliteDocumentTable.CreateDatabaseAsync(connection, transaction, db, ct);
        var changed = false;
        foreach (var design in KazooViews.For(db))
        {
            var wanted = StoredDocument.Canonical(DesignDocumentJson.Create(design));
            var current = await SqliteDocumentTable.ReadRevisionAsync(connection, transaction, db, design.Id, ct);
            var body = await SqliteDocumentTable.ReadBodyAsync(connection, transaction, db, design.Id, ct);
            if (body is not null && StoredDocument.Canonical(StoredDocument.Parse(body)) == wanted)
            {
                continue;
            }
            var revision = CouchRevision.Next(current?.Revision, wanted);
            var stored = StoredDocument.Serialize(DesignDocumentJson.Create(design), design.Id, revision);
            await SqliteDocumentTable.WriteAsync(connection, transaction, db, design.Id, revision, stored, ct);
            changed = true;
        }
        if (changed)
        {
            await SqliteViewIndex.RebuildAsync(connection, transaction, db, ct);
        }
    }
}
