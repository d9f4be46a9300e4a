using System.Diagnostics;

namespace Conferences.Benchmarks;

/// <summary>The service under test, started from its Release build as its own process on a loopback port.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process) => _process = process;

    /// <summary>The API process's CPU time so far (user + system).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ApiProcess> StartAsync(string dll, int port, string apiKey, IReadOnlyDictionary<string, string> settings, HttpClient client)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["Bootstrap__ApiKey"] = apiKey;
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"api: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Readiness.AnswersAsync(client, new Uri($"http://127.0.0.1:{port}/alive"), TimeSpan.FromSeconds(60)))
        {
            return new ApiProcess(process);
        }
        process.Kill(true);
        throw new TimeoutException("the API did not become alive within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
