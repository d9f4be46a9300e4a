
namespace Conferences.Tests.Storage;

/// <summary>
/// A SQLite file of its own in the temporary folder for the embedded store; disposing removes it and its WAL
/// companions. Shared (linked) by the test projects that start the embedded store on a file.
/// </summary>
public sealed class TemporarySqliteFile(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        // pooled connections keep the file open; release them before removing the file and its WAL companions
        Conferences.Infrastructure.Storage.Sqlite.SqlitePoolGate.ClearAllPools();
        // the Idempotency-Key file beside it (SqliteIdempotencyStore) too
        var keys = System.IO.Path.ChangeExtension(Path, ".idempotency.db");
        foreach (var path in new[] { Path, $"{Path}-wal", $"{Path}-shm", keys, $"{keys}-wal", $"{keys}-shm" })
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
