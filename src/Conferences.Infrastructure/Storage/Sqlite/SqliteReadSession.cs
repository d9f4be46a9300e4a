using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// One kept-open connection used by one read at a time, with its commands kept by SQL text: a reused SqliteCommand
// keeps its prepared statement, so a steady read prepares nothing. Reads run without a transaction (one SELECT, one
// snapshot); a disposed reader resets the statement, so an idle session holds no read lock on the WAL.
internal sealed class SqliteReadSession(SqliteConnection connection) : IAsyncDisposable
{
    // the view reader's SQL varies only by its query's shape; far fewer than this
    private const int MaxCommands = 32;

    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Command(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            if (commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }
            command = Connection.Command(null, sql);
            commands.Add(sql, command);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        DisposeCommands();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private void DisposeCommands()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }
        commands.Clear();
    }
}
