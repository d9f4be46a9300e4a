using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// The key file's one kept-open connection, used by one statement at a time, its commands kept by SQL text (prepared
// once). A failure closes it; the next call opens it again. The table has no index beside its key, so that a claim
// writes one B-tree (an index on the expiry, dropped from files of earlier releases, was a second one per claim).
internal sealed class SqliteIdempotencySession(SqliteStoreOptions options) : IAsyncDisposable
{
    private const string Table = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            id TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            claim TEXT NOT NULL,
            expires INTEGER NOT NULL,
            status INTEGER,
            headers TEXT,
            body BLOB
        ) WITHOUT ROWID;
        DROP INDEX IF EXISTS idempotency_keys_by_expiry;
        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteRawStatement> statements = new(StringComparer.Ordinal);
    private readonly string connectionString = KeysConnectionString(options);
    private SqliteConnection? connection;

    public string DataSource => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>The key file beside the document file: <c>conferences.db</c> → <c>conferences.idempotency.db</c>.</summary>
    public static string KeysConnectionString(SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        var source = builder.DataSource;
        if (source.Length > 0 && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var extension = Path.HasExtension(source) ? Path.GetExtension(source) : ".db";
            builder.DataSource = Path.Combine(Path.GetDirectoryName(source) ?? "", $"{Path.GetFileNameWithoutExtension(source)}.idempotency{extension}");
        }
        return builder.ToString();
    }

    public async Task<T> RunAsync<T>(Func<SqliteIdempotencySession, T> work, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            connection ??= Open();
            return work(this);
        }
        catch (SqliteException exception)
        {
            Close();
            throw SqliteFailures.IsUnavailable(exception) ? SqliteFailures.Unavailable(DataSource, exception) : exception;
        }
        finally
        {
            gate.Release();
        }
    }

    public SqliteCommand Get(string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection!.Command(null, sql);
            commands.Add(sql, command);
        }
        return command;
    }

    /// <summary>A kept statement on SQLite's own API, for the claim (<see cref="SqliteRawStatement"/>).</summary>
    public SqliteRawStatement Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteRawStatement(connection!, sql);
            statements.Add(sql, statement);
        }
        return statement;
    }

    // WAL; NORMAL skips the fsync of each commit (durable against a crash of the process, not of the machine). No
    // commit checkpoints (an fsync on a claim's path): the answer writer does, on a connection of its own. A page cache
    // of 32 MiB (2 MiB by default) keeps the pages a claim lands on in memory rather than read from the file.
    public SqliteConnection Open()
    {
        var opened = new SqliteConnection(connectionString);
        try
        {
            SqlitePoolGate.Open(opened);
            using var setup = opened.Command(null, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -32768; {Table}"));
            setup.ExecuteNonQuery();
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Close();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Close()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }
        commands.Clear();
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
        statements.Clear();
        connection?.Dispose();
        connection = null;
    }
}
