using Conferences.Infrastructure.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>A temporary SQLite file shared by one test class; every test uses its own databases inside it.</summary>
public sealed class SqliteFileFixture : IStoreSource, IDisposable
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"conferences-store-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public Task<IDocumentStore> CreateStoreAsync() => Task.FromResult(Store(ConnectionString));

    public IDocumentStore CreateUnreachableStore() =>
        Store($"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "conferences.db")}");

    public static IDocumentStore Store(string connectionString, TimeSpan? busyTimeout = null) =>
        new SqliteDocumentStore(Options.Create(new SqliteStoreOptions
        {
            ConnectionString = connectionString,
            BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5),
        }));

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before removing the file and its WAL companions.
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { FilePath, $"{FilePath}-wal", $"{FilePath}-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // a leftover temp file is harmless
            }
        }
    }
}
