namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>Settings of the embedded document store: one SQLite file standing in for Kazoo's CouchDB (ADR 0002).</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=conferences.db</c>.</summary>
    public string ConnectionString { get; init; } = "Data Source=conferences.db";

    /// <summary>
    /// How long an operation waits for the file lock held by another writer (another request or another process)
    /// before the store counts as unreachable. Overrides the connection string's <c>Default Timeout</c>.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
