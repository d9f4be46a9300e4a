using System.Diagnostics;

namespace Conferences.Benchmarks;

/// <summary>The bare Kestrel endpoint (<see cref="BareServer"/>) as a process of its own, so that its CPU per answer is
/// measured apart from the client's, as the API's is (<see cref="ApiProcess.Cpu"/>).</summary>
public sealed class BareProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private BareProcess(Process process, string directory) => (_process, _directory) = (process, directory);

    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The child's side: <c>bare-server PORT ENCODING|- DIRECTORY</c>, one body per file, named by the file,
    /// served until the parent closes standard input.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var bodies = Directory.GetFiles(args[2]).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes, StringComparer.Ordinal);
        await using var server = new BareServer(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture), bodies, args[1] == "-" ? null : args[1]);
        await server.StartAsync();
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public static async Task<BareProcess> StartAsync(int port, IReadOnlyDictionary<string, byte[]> bodies, string? contentEncoding, HttpClient client)
    {
        var directory = Directory.CreateTempSubdirectory("conferences-bench-bare-").FullName;
        foreach (var (name, body) in bodies)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, name), body);
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true };
        foreach (var arg in new[] { typeof(BareProcess).Assembly.Location, "bare-server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), contentEncoding ?? "-", directory })
        {
            info.ArgumentList.Add(arg);
        }
        var bare = new BareProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the bare endpoint"), directory);
        if (await Readiness.AnswersAsync(client, new Uri($"http://127.0.0.1:{port}/bare/{bodies.Keys.First()}"), TimeSpan.FromSeconds(30)))
        {
            return bare;
        }
        await bare.DisposeAsync();
        throw new TimeoutException("the bare endpoint did not answer within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
