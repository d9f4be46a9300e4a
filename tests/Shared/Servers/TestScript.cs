using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Conferences.Tests.Servers;

/// <summary>
/// Runs the repository's <c>tools/*-test-*.sh</c> scripts that start, stop and restart a test broker or store on
/// loopback. The one runner of every test project (linked from tests/Shared/Servers).
/// </summary>
public static class TestScript
{
    /// <summary>Installing a server the first time takes a minute or two; starting one a few seconds.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The checkout the test binaries were built from: the first folder above them, or above this source file, that holds <c>tools/</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Runs <c>tools/{script} {arguments}</c> from the repository root and fails with its output when it fails.</summary>
    public static async Task RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var path = Path.Combine(RepositoryRoot, "tools", script);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var command = $"{path} {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!await ChildProcesses.WaitOrKillAsync(process, timeout))
        {
            throw new InvalidOperationException($"{command} did not finish within {timeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisSourceFile()) ?? "." })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "tools", "rabbitmq-test-broker.sh")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"tools/ not found above {AppContext.BaseDirectory}; set {TestServers.BrokerVariable} and {TestServers.CouchDbVariable}");
    }

    private static string ThisSourceFile([CallerFilePath] string path = "") => path;
}
