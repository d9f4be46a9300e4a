using System.Text;

namespace Conferences.MediaServer.Tests.Worker;

/// <summary>
/// The media-server worker as a real child process: <c>dotnet Conferences.MediaServer.dll</c> (the build copies the
/// worker with its runtime configuration next to this test assembly), configured only through environment variables,
/// its console output kept for assertions and failure messages.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>Starting a .NET process on a loaded two-core machine can take a while.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // settings of the test process that must not leak into the worker's configuration
    private static readonly string[] OwnPrefixes = ["ConnectionStrings__", "Messaging__", "MediaServer__", "RabbitMq__", "Logging__", "Serilog__", "DOTNET_ENVIRONMENT"];

    private readonly Process process;
    private readonly StringBuilder output = new();
    private TaskCompletionSource written = NewSignal();

    private WorkerProcess(Process process) => this.process = process;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Conferences.MediaServer.dll");

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output and standard error so far, in arrival order.</summary>
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

    public static WorkerProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"{Dll} is missing: the test project references Conferences.MediaServer, whose build puts it there");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Dll);
        foreach (var inherited in start.Environment.Keys.Where(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until a line of output contains every one of <paramref name="parts"/>.</summary>
    public async Task<string> WaitForLineAsync(params string[] parts)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task next;
            lock (output)
            {
                var line = output.ToString().Split('\n').FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
                if (line is not null)
                {
                    return line;
                }
                next = written.Task;
            }
            if (process.HasExited)
            {
                // the output may still be draining: one more look after the process is gone
                await process.WaitForExitAsync(timeout.Token);
                var line = Output.Split('\n').FirstOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)));
                return line ?? throw new InvalidOperationException($"the worker exited ({process.ExitCode}) without logging [{string.Join(", ", parts)}]:\n{Output}");
            }
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
            catch (TimeoutException)
            {
                // look again (and whether it exited)
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the worker did not log [{string.Join(", ", parts)}] within {Patience.TotalSeconds} s:\n{Output}");
            }
        }
    }

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and systemd do.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", $"{process.Id}" }, UseShellExecute = false })
            ?? throw new InvalidOperationException("cannot run kill");
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -TERM {process.Id} failed ({kill.ExitCode})");
    }

    /// <returns>the exit code.</returns>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the worker did not exit within {Patience.TotalSeconds} s:\n{Output}");
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        TaskCompletionSource signal;
        lock (output)
        {
            output.Append(line).Append('\n');
            signal = written;
            written = NewSignal();
        }
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
