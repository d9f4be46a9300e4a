using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// BINARY collation sorts view keys by UTF-8 bytes (docs/compatibility.md, "Storage notes").
internal static class SqliteSchema
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS databases (
            name TEXT NOT NULL PRIMARY KEY
        );
        CREATE TABLE IF NOT EXISTS documents (
            db TEXT NOT NULL,
            id TEXT NOT NULL,
            rev TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            body TEXT,
            PRIMARY KEY (db, id)
        );
        CREATE TABLE IF NOT EXISTS view_rows (
            db TEXT NOT NULL,
            view_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            row_value TEXT,
            PRIMARY KEY (db, view_name, row_key, doc_id, seq)
        );
        CREATE INDEX IF NOT EXISTS view_rows_by_document ON view_rows (db, doc_id);
        """;

    // Idempotent: several processes may open the same file at once.
    public static async Task CreateAsync(SqliteConnection connection, CancellationToken ct)
    {
        // WAL lets readers run beside the one writer, across every process sharing the file.
        await using (var wal = connection.Command(null, "PRAGMA journal_mode = WAL;"))
        {
            await wal.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var create = connection.Command(transaction, Tables))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
