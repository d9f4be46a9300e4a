using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>Runs <c>tools/couchdb-test-server.sh</c> (pouchdb-server on loopback) for tests that need their own server.</summary>
internal static class CouchDbTestServerScript
{
    /// <summary>Installing pouchdb-server the first time takes about 90 s; starting takes about one.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static string RepositoryRoot { get; } =
        typeof(CouchDbTestServerScript).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("the test assembly does not name the repository root");

    public static string Script => Path.Combine(RepositoryRoot, "tools", "couchdb-test-server.sh");

    public static Task StartAsync(int port, string? dataDirectory = null) =>
        RunAsync(StartTimeout, dataDirectory is null ? ["start", $"{port}"] : ["start", $"{port}", dataDirectory]);

    public static Task StopAsync(int port) => RunAsync(TimeSpan.FromSeconds(30), ["stop", $"{port}"]);

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(TimeSpan timeout, string[] arguments)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"{Script} is missing; the CouchDB tests need it or {CouchDbServerFixture.Variable}");
        }
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {Script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Script} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
