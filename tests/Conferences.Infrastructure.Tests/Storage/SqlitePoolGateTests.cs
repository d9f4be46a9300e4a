using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Opens that race must never get one native connection twice (dotnet/efcore#39008): waves of simultaneous
/// opens through the gate, the pools emptied between waves so each wave takes new and reclaimed connections.</summary>
public sealed class SqlitePoolGateTests : IDisposable
{
    private const int Openers = 16;

    private readonly TemporarySqliteFile file = new("conferences-pool-gate");

    [Fact]
    public void Simultaneous_opens_never_share_a_native_connection()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var wave = 0; watch.Elapsed < TimeSpan.FromSeconds(3); wave++)
        {
            var connections = new SqliteConnection[Openers];
            using var start = new Barrier(Openers);
            var openers = Enumerable.Range(0, Openers).Select(i => new Thread(() =>
            {
                var connection = new SqliteConnection(file.ConnectionString);
                start.SignalAndWait();
                SqlitePoolGate.Open(connection);
                connections[i] = connection;
            })).ToList();
            openers.ForEach(t => t.Start());
            openers.ForEach(t => t.Join());

            var handles = connections.Select(c => c.Handle!.DangerousGetHandle()).Distinct().Count();
            Array.ForEach(connections, c => c.Dispose());
            SqlitePoolGate.ClearAllPools();
            Assert.True(handles == Openers, $"wave {wave}: {Openers} opens got {handles} native connections");
        }
    }

    public void Dispose() => file.Dispose();
}
