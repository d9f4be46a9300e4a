using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// A RabbitMQ node of this test class's own, started and restarted through <c>tools/rabbitmq-test-broker.sh</c> on a
/// free loopback port (its epmd and distribution ports, PORT+10000 and PORT+20000, free too), so that restarting it
/// disturbs nobody else. Only this port is ever stopped.
/// </summary>
public sealed class PrivateBroker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public int Port { get; } = FreePort();

    public string Url => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public Task StartAsync() => RunAsync("start");

    public Task StopAsync() => RunAsync("stop");

    /// <summary>A clean shutdown (clients see CONNECTION_FORCED) and a fresh start: every non-durable queue is gone.</summary>
    public Task RestartAsync() => RunAsync("restart");

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot(),
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tools", "rabbitmq-test-broker.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add($"{Port}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run tools/rabbitmq-test-broker.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"rabbitmq-test-broker.sh {command} {Port} did not finish within {Timeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq-test-broker.sh {command} {Port} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }

    // this file's place in the repository, as the compiler saw it: tests/Conferences.Api.Tests/Websocket/
    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    private static int FreePort()
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
}
