using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Storage;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>A temporary SQLite file shared by one test class; every test uses its own databases inside it.</summary>
public sealed class SqliteFileFixture : IStoreSource, IDisposable
{
    private readonly TemporarySqliteFile file = new("conferences-store");

    public string ConnectionString => file.ConnectionString;

    public Task<IDocumentStore> CreateStoreAsync() => Task.FromResult(Store(ConnectionString));

    public IDocumentStore CreateUnreachableStore() =>
        Store($"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "conferences.db")}");

    public static IDocumentStore Store(string connectionString, TimeSpan? busyTimeout = null) =>
        new SqliteDocumentStore(Options.Create(new SqliteStoreOptions
        {
            ConnectionString = connectionString,
            BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5),
        }));

    public void Dispose() => file.Dispose();
}
