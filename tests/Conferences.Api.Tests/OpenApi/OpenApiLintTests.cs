namespace Conferences.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Redocly's <c>recommended</c> rules with the repository's redocly.yaml: 0 errors,
/// 0 warnings. The pinned CLI comes from <c>tools/openapi-lint.sh install</c> (build.sh runs it).
/// </summary>
public sealed class OpenApiLintTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromSeconds(60);

    private static string RepositoryRoot => TestScript.RepositoryRoot;

    [Fact]
    public async Task The_document_passes_Redoclys_recommended_rules()
    {
        var cli = Path.Combine(RepositoryRoot, ".tools", "openapi-lint", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is missing ({cli}): run tools/openapi-lint.sh install");
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");
        answer.ExpectStatus(HttpStatusCode.OK);
        var file = Path.Combine(Path.GetTempPath(), $"conferences-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, answer.Json!.ToJsonString());
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync("node", cli, "lint", file, "--extends", "recommended",
                "--config", Path.Combine(RepositoryRoot, "redocly.yaml"), "--format", "json", "--max-problems", "1000");
            var report = ParseReport(stdout) ?? throw new InvalidOperationException($"Redocly did not report (exit {exitCode}):\n{stdout}\n{stderr}");
            var totals = report["totals"]!;
            var (errors, warnings, ignored) = ((int)totals["errors"]!, (int)totals["warnings"]!, (int)totals["ignored"]!);
            Assert.True(errors == 0 && warnings == 0 && ignored == 0,
                $"Redocly: {errors} errors, {warnings} warnings, {ignored} ignored (fix them, or disable a rule that conflicts "
                + $"with Kazoo's wire format in redocly.yaml with the reason)\n{Describe(report)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    // the json format's first line may be preceded by Redocly's notices; the report is the outermost object
    private static JsonNode? ParseReport(string stdout)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        return start < 0 ? null : JsonNode.Parse(stdout[start..]);
    }

    private static string Describe(JsonNode report)
    {
        var text = new StringBuilder();
        foreach (var problem in report["problems"]!.AsArray())
        {
            var where = problem!["location"]?.AsArray().FirstOrDefault()?["pointer"]?.GetValue<string>();
            text.AppendLine($"  {problem["severity"]} {problem["ruleId"]} {where}: {problem["message"]}");
        }
        return text.ToString();
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
            // no usage data and no update check from a test run
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
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
            throw new InvalidOperationException($"could not start {program} (Redocly CLI runs on Node.js 20.19+: apt-get install nodejs): {e.Message}", e);
        }
        using var process = started ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!await ChildProcesses.WaitOrKillAsync(process, LintTimeout))
        {
            throw new TimeoutException($"Redocly did not finish within {LintTimeout.TotalSeconds} s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
