using System.Net.Sockets;

namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// A reverse proxy (haproxy or nginx) run as a child process in the foreground, listening on a loopback port, with a
/// working directory of its own. Disposal stops it with SIGTERM (nginx's master then reaps its workers), kills what
/// is left after a few seconds, and removes the directory.
/// </summary>
public sealed class ProxyProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output = new();

    private ProxyProcess(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    /// <summary>What the proxy wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>A fresh directory for one proxy's configuration, logs and temporary files.</summary>
    public static string NewDirectory(string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"conferences-{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The binary, or a failure that says how to install it (the proxy tests never pass without it).</summary>
    public static string Require(string binary) =>
        File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"{binary} is missing: the proxy tests need it (run tools/proxy-test-tools.sh install, which ./build.sh test does)");

    /// <summary>Starts <paramref name="start"/> and waits until the port accepts connections; fails with the proxy's output otherwise.</summary>
    public static async Task<ProxyProcess> StartAsync(ProcessStartInfo start, string directory, int port, Func<string>? log = null)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var proxy = new ProxyProcess(new Process { StartInfo = start }, directory, port);
        proxy.process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        proxy.process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        proxy.process.Start();
        proxy.process.BeginOutputReadLine();
        proxy.process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsAsync(port))
        {
            if (proxy.process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = proxy.process.HasExited ? $"exited with {proxy.process.ExitCode}" : $"did not listen on {port} within {StartTimeout}";
                var text = $"{start.FileName} {string.Join(' ', start.ArgumentList)} {why}:\n{proxy.Output}\n{log?.Invoke()}";
                await proxy.DisposeAsync();
                throw new InvalidOperationException(text);
            }
            await Task.Delay(50);
        }
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(process, TimeSpan.FromSeconds(5));
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
