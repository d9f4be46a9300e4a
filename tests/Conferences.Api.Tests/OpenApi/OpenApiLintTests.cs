namespace Conferences.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Redocly's <c>recommended</c> rules with the repository's redocly.yaml: 0 errors,
/// 0 warnings. The pinned CLI comes from <c>tools/openapi-lint.sh install</c> (build.sh runs it).
/// </summary>
public sealed class OpenApiLintTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan LintTimeout = TimeSpan.FromSeconds(60);

    // no usage data and no update check from a test run
    private static readonly Dictionary<string, string> QuietRedocly = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
    };

    [Fact]
    public async Task The_document_passes_Redoclys_recommended_rules()
    {
        var cli = NodeScript.Tool("tools/openapi-lint.sh install", "openapi-lint", "node_modules", "@redocly", "cli", "bin", "cli.js");
        var answer = await api.SendAsync(HttpMethod.Get, "/swagger/v2/swagger.json");
        answer.ExpectStatus(HttpStatusCode.OK);
        var file = Path.Combine(Path.GetTempPath(), $"conferences-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, answer.Json!.ToJsonString());
        try
        {
            var (exitCode, stdout, stderr) = await NodeScript.RunAsync(LintTimeout, QuietRedocly, cli, "lint", file, "--extends", "recommended",
                "--config", Path.Combine(NodeScript.RepositoryRoot, "redocly.yaml"), "--format", "json", "--max-problems", "1000");
            var report = NodeScript.Report(stdout) ?? throw new InvalidOperationException($"Redocly did not report (exit {exitCode}):\n{stdout}\n{stderr}");
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
}
