namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The simulator worker as a real child process (<c>dotnet Conferences.MediaServer.dll</c>, which the build copies
/// beside this test assembly through the API's project reference), configured by environment variables only. Disposal
/// sends SIGTERM and waits, then kills.
/// </summary>
public sealed class WorkerProcessHost : IAsyncDisposable
{
    private static readonly string[] Inherited = ["ConnectionStrings__", "Messaging__", "MediaServer__", "RabbitMq__", "Logging__", "Serilog__"];

    private readonly Process process;
    private readonly StringBuilder output = new();

    private int disposed;

    private WorkerProcessHost(Process process) => this.process = process;

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

    public static WorkerProcessHost Start(IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Conferences.MediaServer.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(dll);
        foreach (var key in start.Environment.Keys.Where(k => Inherited.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var host = new WorkerProcessHost(new Process { StartInfo = start });
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Stops the worker (a test may stop it early; a second call does nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await ChildProcesses.StopAsync(process, TimeSpan.FromSeconds(20));
        process.Dispose();
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
