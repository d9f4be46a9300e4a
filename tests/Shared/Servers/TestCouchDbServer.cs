namespace Conferences.Tests.Servers;

/// <summary>Starts and stops <c>tools/couchdb-test-server.sh</c> (pouchdb-server on loopback) for tests that need a server of their own.</summary>
public static class TestCouchDbServer
{
    private const string Script = "couchdb-test-server.sh";

    public static Task StartAsync(int port, string? dataDirectory = null) => dataDirectory is null
        ? TestScript.RunAsync(Script, TestScript.StartTimeout, "start", $"{port}")
        : TestScript.RunAsync(Script, TestScript.StartTimeout, "start", $"{port}", dataDirectory);

    public static Task StopAsync(int port) => TestScript.RunAsync(Script, TimeSpan.FromSeconds(30), "stop", $"{port}");
}
