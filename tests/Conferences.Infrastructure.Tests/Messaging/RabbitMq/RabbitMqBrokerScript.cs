using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>Runs <c>tools/rabbitmq-test-broker.sh</c> (Debian's rabbitmq-server on loopback) for tests that need a broker of their own.</summary>
internal static class RabbitMqBrokerScript
{
    /// <summary>Installing rabbitmq-server the first time takes a minute or two; starting a node about six seconds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static string RepositoryRoot { get; } =
        typeof(RabbitMqBrokerScript).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("the test assembly does not name the repository root");

    public static string Script => Path.Combine(RepositoryRoot, "tools", "rabbitmq-test-broker.sh");

    public static Task StartAsync(int port) => RunAsync(StartTimeout, "start", port);

    public static Task StopAsync(int port) => RunAsync(TimeSpan.FromMinutes(1), "stop", port);

    public static Task RestartAsync(int port) => RunAsync(StartTimeout, "restart", port);

    public static string Url(int port) => $"amqp://guest:guest@127.0.0.1:{port}/";

    /// <summary>
    /// A loopback port for a node: free itself, and so are PORT+10000 (its epmd) and PORT+20000 (Erlang
    /// distribution), which is why it comes from 15000–25000 rather than from the ephemeral range.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(15_000, 25_000);
            if (IsFree(port) && IsFree(port + 10_000) && IsFree(port + 20_000))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free loopback port for a RabbitMQ node in 15000–25000");
    }

    /// <summary>A loopback port nobody listens on right now (for a broker that is not there).</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(TimeSpan timeout, string command, int port)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"{Script} is missing; the RabbitMQ tests need it or {RabbitMqBrokerFixture.Variable}");
        }
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add($"{port}");
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
            throw new InvalidOperationException($"{Script} {command} {port} did not finish within {timeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Script} {command} {port} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
