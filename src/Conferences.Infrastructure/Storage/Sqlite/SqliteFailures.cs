using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Errors meaning the file cannot serve become 503 datastore_unreachable, like an unreachable CouchDB.
internal static class SqliteFailures
{
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static bool IsUnavailable(SqliteException exception) => exception.SqliteErrorCode is
        Perm or Busy or Locked or ReadOnly or IoError or Corrupt or Full or CantOpen or NotADatabase;

    public static DatastoreUnavailableException Unavailable(string dataSource, SqliteException exception) =>
        new($"sqlite store {dataSource} is unavailable: {exception.Message}", exception);
}
