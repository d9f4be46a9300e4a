using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Pooled connections, the schema created once, a busy timeout so writers queue for the lock.
internal sealed class SqliteStoreFile(SqliteStoreOptions options)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder(options.ConnectionString)
    {
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
    }.ToString();

    private readonly string busyTimeoutPragma = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");

    private volatile bool schemaReady;

    // Never the whole connection string.
    public string DataSource { get; } = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;

    // One SELECT sees one consistent snapshot.
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

    // BEGIN IMMEDIATE locks before the revision check: of two writers with one _rev exactly one wins, the other gets
    // 409.
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
