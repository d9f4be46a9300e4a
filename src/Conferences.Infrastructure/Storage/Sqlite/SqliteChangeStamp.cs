using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// PRAGMA data_version on one connection of its own: its value moves when any other connection commits to the file (this
// process's writers or another process's), and values of two connections are not comparable, hence one connection,
// one statement at a time. A microsecond check instead of a read (docs/operations.md, "Caches").
internal sealed class SqliteChangeStamp(string connectionString) : IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SqliteCommand? command;

    // connections sharing a cache share a pager: one does not see another's commits in data_version
    public static SqliteChangeStamp? For(string connectionString)
    {
        var options = new SqliteConnectionStringBuilder(connectionString);
        return options.Cache == SqliteCacheMode.Shared || options.Mode == SqliteOpenMode.Memory || options.DataSource is "" or ":memory:"
            ? null
            : new SqliteChangeStamp(connectionString);
    }

    public long Current()
    {
        lock (gate)
        {
            try
            {
                command ??= Open();
                return (long)command.ExecuteScalar()!;
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }

    private SqliteCommand Open()
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        var prepared = connection.CreateCommand();
        prepared.CommandText = "PRAGMA data_version;";
        prepared.Prepare();
        return prepared;
    }

    private void Close()
    {
        command?.Dispose();
        connection?.Dispose();
        (command, connection) = (null, null);
    }
}
