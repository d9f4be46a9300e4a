using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// The SQLite file behind the store: pooled connections (Microsoft.Data.Sqlite pools by default), the schema
/// created once per store instance, a busy timeout so writers from other requests and processes queue for the
/// lock, and SQLite failures translated to the port's <see cref="Core.Storage.DatastoreUnavailableException"/>.
/// </summary>
internal sealed class SqliteStoreFile(SqliteStoreOptions options)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
    }.ToString();

    private readonly string busyTimeoutPragma = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");

    private volatile bool schemaReady;

    /// <summary>The file name, for messages (never the whole connection string).</summary>
    public string DataSource { get; } = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;

    /// <summary>Runs a read on its own connection; one SELECT sees one consistent snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            return await read(connection);
        }
        catch (SqliteException exception) when (SqliteFailures.IsUnavailable(exception))
        {
            throw SqliteFailures.Unavailable(DataSource, exception);
        }
    }

    /// <summary>
    /// Runs a write in a <c>BEGIN IMMEDIATE</c> transaction: the file's write lock is taken before the current
    /// revision is read, so of two writers holding the same <c>_rev</c> exactly one passes the check and the other
    /// gets CouchDB's 409 (kazoo-reference §3.2). Any exception rolls the whole write back.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken ct) =>
        ReadAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }, ct);

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
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
