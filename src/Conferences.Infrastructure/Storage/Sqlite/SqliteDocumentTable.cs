using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

internal static class SqliteDocumentTable
{
    private const string DatabaseExistsSql = "SELECT EXISTS (SELECT 1 FROM databases WHERE name = $db);";
    private const string CreateDatabaseSql = "INSERT OR IGNORE INTO databases (name) VALUES ($db);";
    private const string RevisionSql = "SELECT rev, deleted FROM documents WHERE db = $db AND id = $id;";
    private const string BodySql = "SELECT body FROM documents WHERE db = $db AND id = $id AND deleted = 0;";
    private const string LiveDocumentsSql = "SELECT id, body FROM documents WHERE db = $db AND deleted = 0;";
    private const string WriteSql = """
        INSERT INTO documents (db, id, rev, deleted, body) VALUES ($db, $id, $rev, $deleted, $body)
        ON CONFLICT (db, id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted, body = excluded.body;
        """;

    public static async Task<bool> DatabaseExistsAsync(SqliteConnection connection, SqliteTransaction? transaction, string db, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, DatabaseExistsSql).With("$db", db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    public static async Task<bool> DatabaseExistsAsync(SqliteReadSession session, string db, CancellationToken ct) =>
        Convert.ToInt64(await session.Command(DatabaseExistsSql).Bind("$db", db).ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;

    public static async Task CreateDatabaseAsync(SqliteConnection connection, SqliteTransaction transaction, string db, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, CreateDatabaseSql).With("$db", db);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<StoredRevision?> ReadRevisionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, string id, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, RevisionSql).With("$db", db).With("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new StoredRevision(reader.GetString(0), reader.GetInt64(1) != 0) : null;
    }

    public static async Task<string?> ReadBodyAsync(SqliteConnection connection, SqliteTransaction? transaction, string db, string id, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, BodySql).With("$db", db).With("$id", id);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public static async Task<string?> ReadBodyAsync(SqliteReadSession session, string db, string id, CancellationToken ct) =>
        await session.Command(BodySql).Bind("$db", db).Bind("$id", id).ExecuteScalarAsync(ct) as string;

    public static async Task<IReadOnlyList<(string Id, string Body)>> ReadLiveDocumentsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, LiveDocumentsSql).With("$db", db);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var documents = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            documents.Add((reader.GetString(0), reader.GetString(1)));
        }
        return documents;
    }

    // A null body writes a tombstone.
    public static async Task WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, string id, string revision, string? body, CancellationToken ct)
    {
        await using var command = connection.Command(transaction, WriteSql)
            .With("$db", db).With("$id", id).With("$rev", revision).With("$deleted", body is null ? 1 : 0).With("$body", body);
        await command.ExecuteNonQueryAsync(ct);
    }
}
