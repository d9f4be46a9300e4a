namespace Conferences.Api.Tests.OpenApi;

/// <summary>Runs a Node.js program of the pinned npm tools under <c>.tools/</c> (tools/openapi-lint.sh, tools/asyncapi-validate.sh).</summary>
public static class NodeScript
{
    public static string RepositoryRoot => TestScript.RepositoryRoot;

    /// <summary>The path of <paramref name="parts"/> below <c>.tools/</c>; fails with the install command when it is missing.</summary>
    public static string Tool(string installCommand, params string[] parts)
    {
        var path = Path.Combine([RepositoryRoot, ".tools", .. parts]);
        Assert.True(File.Exists(path), $"{path} is missing: run {installCommand}");
        return path;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start node (the npm tools run on Node.js 20.19+: apt-get install nodejs): {e.Message}", e);
        }
        using var process = started ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!await ChildProcesses.WaitOrKillAsync(process, timeout))
        {
            throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The outermost JSON object of a tool's output (notices may precede it).</summary>
    public static JsonNode? Report(string stdout)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        return start < 0 ? null : JsonNode.Parse(stdout[start..]);
    }
}
