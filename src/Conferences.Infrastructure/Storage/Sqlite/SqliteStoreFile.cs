using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Kept-open read sessions, pooled write connections, the schema created once, a busy timeout so writers queue for the lock.
internal sealed class SqliteStoreFile : IAsyncDisposable
{
    private readonly SqliteReadSessions sessions;

    private readonly string connectionString;

    private readonly string busyTimeoutPragma;

    private volatile bool schemaReady;

    private readonly SqliteChangeStamp? stamp;

    public SqliteStoreFile(SqliteStoreOptions options)
    {
        connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        busyTimeoutPragma = string.Create(
            CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");
        DataSource = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        sessions = new SqliteReadSessions(OpenAsync);
        stamp = SqliteChangeStamp.For(connectionString);
    }

    // Never the whole connection string.
    public string DataSource { get; }

    // One SELECT sees one consistent snapshot. Reads take a kept-open session with its prepared statements.
    public Task<T> ReadAsync<T>(Func<SqliteReadSession, Task<T>> read, CancellationToken ct) =>
        Guard(() => sessions.ReadAsync(read, ct));

    // BEGIN IMMEDIATE locks before the revision check: of two writers with one _rev exactly one wins, the other gets
    // 409. Writes open a (pooled) connection of their own, as before.
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken ct) =>
        Guard(async () =>
        {
            try
            {
                await using var connection = await OpenAsync(ct);
                await using var transaction = connection.BeginTransaction(deferred: false);
                var result = await write(connection, transaction);
                await transaction.CommitAsync(ct);
                return result;
            }
            finally
            {
                stamp?.Written();
            }
        });

    // null where a connection cannot see other connections' commits (a shared cache): readers then read every time
    public long? ChangeStamp()
    {
        try
        {
            return stamp?.Current();
        }
        catch (SqliteException exception) when (SqliteFailures.IsUnavailable(exception))
        {
            throw SqliteFailures.Unavailable(DataSource, exception);
        }
    }

    public ValueTask DisposeAsync()
    {
        stamp?.Dispose();
        return sessions.DisposeAsync();
    }

    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (SqliteException exception) when (SqliteFailures.IsUnavailable(exception))
        {
            throw SqliteFailures.Unavailable(DataSource, exception);
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            ct.ThrowIfCancellationRequested();
            SqlitePoolGate.Open(connection);
            await using (var pragma = connection.Command(null, busyTimeoutPragma))
            {
                await pragma.ExecuteNonQueryAsync(ct);
            }
            if (!schemaReady)
            {
                await SqliteSchema.CreateAsync(connection, ct);
                schemaReady = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
