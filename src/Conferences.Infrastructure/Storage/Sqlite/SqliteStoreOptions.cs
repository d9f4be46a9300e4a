namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>One SQLite file standing in for Kazoo's CouchDB (ADR 0002).</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=conferences.db</c>.</summary>
    public string ConnectionString { get; init; } = "Data Source=conferences.db";

    /// <summary>Wait for another writer's lock before the store counts as unreachable; overrides <c>Default
    /// Timeout</c>.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
