using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// A RabbitMQ node for the realtime tests started through <c>tools/rabbitmq-test-broker.sh</c> on a free loopback
/// port (the same script the messaging tests use): a private one for tests that restart it, or the shared one of
/// <c>CONFERENCES_TEST_RABBITMQ</c> when that is set. Only the port started here is ever stopped.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    public const string Variable = "CONFERENCES_TEST_RABBITMQ";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private TestBroker(string url, int? port)
    {
        Url = url;
        Port = port;
    }

    public string Url { get; }

    /// <summary>The port of a broker started here; null for the shared one.</summary>
    public int? Port { get; }

    /// <summary>The broker of <c>CONFERENCES_TEST_RABBITMQ</c>, else a private one.</summary>
    public static async Task<TestBroker> SharedOrPrivateAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(configured) ? await PrivateAsync() : new TestBroker(configured.Trim(), null);
    }

    public static async Task<TestBroker> PrivateAsync()
    {
        var port = FreePort();
        await RunAsync("start", port);
        return new TestBroker($"amqp://guest:guest@127.0.0.1:{port}/", port);
    }

    public Task StopAsync() => RunAsync("stop", Port ?? throw new InvalidOperationException("the shared broker is not stopped by tests"));

    public Task StartAsync() => RunAsync("start", Port ?? throw new InvalidOperationException("the shared broker is not started by tests"));

    /// <summary>A clean shutdown (clients see CONNECTION_FORCED) and a fresh start: every non-durable queue is gone.</summary>
    public Task RestartAsync() => RunAsync("restart", Port ?? throw new InvalidOperationException("the shared broker is not restarted by tests"));

    public async ValueTask DisposeAsync()
    {
        if (Port is { } port)
        {
            await RunAsync("stop", port);
        }
    }

    /// <summary>The script, found above the test binaries or, when they were built elsewhere, above this source file.</summary>
    private static string Script()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisSourceFile()) ?? "." })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tools", "rabbitmq-test-broker.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException($"tools/rabbitmq-test-broker.sh not found above {AppContext.BaseDirectory}; set {Variable}");
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;

    /// <summary>A port free with PORT+10000 (epmd) and PORT+20000 (distribution), as the script needs.</summary>
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

    private static async Task RunAsync(string command, int port)
    {
        var script = Script();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add($"{port}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} {command} {port} did not finish within {ScriptTimeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} {port} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
