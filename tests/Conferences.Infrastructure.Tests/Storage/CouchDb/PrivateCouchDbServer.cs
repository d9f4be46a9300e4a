namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// A pouchdb-server of one test's own, on a free loopback port: for tests that stop the server, or that change
/// what every other test shares (the <c>accounts</c> database's design document).
/// </summary>
public sealed class PrivateCouchDbServer : IAsyncDisposable
{
    private PrivateCouchDbServer(int port, string? dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory;
        Raw = new RawCouch(Url);
    }

    public int Port { get; }

    /// <summary>Where a persistent server keeps its databases (null: in memory, lost when stopped).</summary>
    public string? DataDirectory { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public RawCouch Raw { get; }

    public static async Task<PrivateCouchDbServer> StartAsync(bool persistent = false)
    {
        var directory = persistent ? Path.Combine(Path.GetTempPath(), $"couchdb-test-{Guid.NewGuid():N}") : null;
        var server = new PrivateCouchDbServer(LoopbackPorts.Unused(), directory);
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync() => TestCouchDbServer.StartAsync(Port, DataDirectory);

    public Task StopAsync() => TestCouchDbServer.StopAsync(Port);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Raw.Dispose();
        if (DataDirectory is not null && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
