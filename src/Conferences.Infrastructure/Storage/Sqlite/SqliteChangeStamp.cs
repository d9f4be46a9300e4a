using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// A generation that moves after each commit: at once for this instance's writes, and within Window for another
// connection's (another process's), seen through PRAGMA data_version on a connection of its own, asked at most once
// per Window rather than once per read (docs/operations.md, "Caches").
internal sealed class SqliteChangeStamp(string connectionString) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private static readonly long WindowTicks = (long)(Window.TotalSeconds * Stopwatch.Frequency);

    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SqliteCommand? command;
    private long? lastVersion;
    private long generation;
    private long nextCheck;

    // connections sharing a cache share a pager: one does not see another's commits in data_version
    public static SqliteChangeStamp? For(string connectionString)
    {
        var options = new SqliteConnectionStringBuilder(connectionString);
        return options.Cache == SqliteCacheMode.Shared || options.Mode == SqliteOpenMode.Memory || options.DataSource is "" or ":memory:"
            ? null
            : new SqliteChangeStamp(connectionString);
    }

    // one reader asks the file when the window has passed; the others meanwhile keep the generation they see
    public long Current()
    {
        if (Stopwatch.GetTimestamp() >= Volatile.Read(ref nextCheck) && gate.TryEnter())
        {
            try
            {
                if (Stopwatch.GetTimestamp() >= nextCheck)
                {
                    Check();
                    Volatile.Write(ref nextCheck, Stopwatch.GetTimestamp() + WindowTicks);
                }
            }
            finally
            {
                gate.Exit();
            }
        }
        return Volatile.Read(ref generation);
    }

    // after each write of this instance, committed or not
    public void Written() => Interlocked.Increment(ref generation);

    public void Dispose()
    {
        lock (gate)
        {
            Close();
        }
    }

    private void Check()
    {
        try
        {
            command ??= Open();
            var version = (long)command.ExecuteScalar()!;
            if (version != lastVersion)
            {
                lastVersion = version;
                Interlocked.Increment(ref generation);
            }
        }
        catch
        {
            Close();
            throw;
        }
    }

    private SqliteCommand Open()
    {
        connection = new SqliteConnection(connectionString);
        SqlitePoolGate.Open(connection);
        var prepared = connection.CreateCommand();
        prepared.CommandText = "PRAGMA data_version;";
        prepared.Prepare();
        return prepared;
    }

    private void Close()
    {
        command?.Dispose();
        connection?.Dispose();
        (command, connection, lastVersion) = (null, null, null);
    }
}
