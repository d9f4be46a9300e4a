using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>A temporary SQLite file shared by one test class; every test uses its own databases inside it.</summary>
public sealed class SqliteFileFixture : IDisposable
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"conferences-store-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={FilePath}";

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
