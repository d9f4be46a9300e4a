using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>
/// Opens SQLite connections one at a time. Microsoft.Data.Sqlite's pool can lend one native connection to two owners
/// when two opens race: a connection handed out but not yet marked as owned looks leaked to a concurrent open, which
/// reclaims it (dotnet/efcore#39008, open at the time of writing, in 10.0 and 11.0); the second owner's <c>BEGIN</c> then fails with "cannot start
/// a transaction within a transaction". Emptying the pools reclaims the same way. Taking a pooled connection is quick,
/// so every open of the service's SQLite files, and every emptying of the pools (tests do it), goes through here.
/// </summary>
public static class SqlitePoolGate
{
    private static readonly Lock Gate = new();

    public static void Open(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (Gate)
        {
            connection.Open();
        }
    }

    /// <summary><see cref="SqliteConnection.ClearAllPools"/>, never beside an open.</summary>
    public static void ClearAllPools()
    {
        lock (Gate)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
