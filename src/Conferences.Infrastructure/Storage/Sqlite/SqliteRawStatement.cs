using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conferences.Infrastructure.Storage.Sqlite;

// One prepared statement driven through SQLite's own API: bound and stepped without the ADO.NET layer's per-call
// work (parameter lookup by name, a data reader per execution), for the claim on every keyed request's path.
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle!;
        var result = raw.sqlite3_prepare_v2(database, sql, out statement);
        if (result != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Failure(result);
        }
    }

    public SqliteRawStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(statement, index, value));
        return this;
    }

    public SqliteRawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    /// <summary>Runs the statement (it returns no rows); the number of rows it changed.</summary>
    public int Execute()
    {
        var result = raw.sqlite3_step(statement);
        var failure = result == raw.SQLITE_DONE ? null : Failure(result);
        raw.sqlite3_reset(statement);
        return failure is null ? raw.sqlite3_changes(database) : throw failure;
    }

    public void Dispose() => statement.Dispose();

    // a failed bind leaves the statement to the session, which closes its connection and statements on any failure
    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(result);
        }
    }

    private SqliteException Failure(int result) =>
        new(raw.sqlite3_errmsg(database).utf8_to_string(), result, raw.sqlite3_extended_errcode(database));
}
