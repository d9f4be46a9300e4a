using System.Diagnostics;
using Conferences.Api.Tests.Envelope;
using Serilog.Formatting.Compact;

namespace Conferences.Api.Tests.Telemetry;

/// <summary>Log lines carry the trace and span of their request (docs/operations.md, "Traces"), also in the JSON log format.</summary>
public sealed class LogTraceTests(RequestIdTests.LoggedApiFactory api) : IClassFixture<RequestIdTests.LoggedApiFactory>
{
    [Fact]
    public async Task The_log_lines_of_a_request_name_the_trace_its_caller_started()
    {
        var account = await api.NewAccountAsync();
        var trace = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();

        (await account.GetAsync("conferences", r => r.Headers.Add("traceparent", $"00-{trace}-{parent}-01"))).ExpectStatus(HttpStatusCode.OK);

        var line = Assert.Single(api.Events, e => e.MessageTemplate.Text.StartsWith("Executing endpoint", StringComparison.Ordinal) && e.TraceId == trace);
        Assert.NotNull(line.SpanId);
        Assert.NotEqual(parent, line.SpanId);
        using var json = new StringWriter();
        new RenderedCompactJsonFormatter().Format(line, json);
        Assert.Contains($"\"@tr\":\"{trace}\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains($"\"@sp\":\"{line.SpanId}\"", json.ToString(), StringComparison.Ordinal);
    }
}
