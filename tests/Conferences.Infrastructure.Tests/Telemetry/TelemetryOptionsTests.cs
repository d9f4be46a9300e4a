using Conferences.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Conferences.Infrastructure.Tests.Telemetry;

/// <summary>The <c>Telemetry</c> section (docs/operations.md): what turns traces and metrics on, and values refused at start.</summary>
public sealed class TelemetryOptionsTests
{
    [Fact]
    public void Nothing_is_read_or_exported_by_default()
    {
        var options = TelemetryOptions.From(Settings());

        Assert.True(options.Enabled);
        Assert.False(options.TracesOn);
        Assert.False(options.MetricsOn);
        Assert.False(options.MetricsServed);
    }

    [Fact]
    public void A_collector_turns_on_traces_and_metrics_and_an_empty_one_counts_as_none()
    {
        var on = TelemetryOptions.From(Settings(("OtlpEndpoint", "http://collector:4317")));
        var empty = TelemetryOptions.From(Settings(("OtlpEndpoint", ""), ("MetricsUrl", "")));

        Assert.True(on.TracesOn && on.MetricsOn && !on.MetricsServed);
        Assert.Null(empty.OtlpEndpoint);
        Assert.Null(empty.MetricsUrl);
        Assert.False(empty.TracesOn || empty.MetricsOn);
    }

    [Fact]
    public void Disabled_wins_over_everything()
    {
        var options = TelemetryOptions.From(Settings(("Enabled", "false"), ("OtlpEndpoint", "http://collector:4317"), ("Traces", "true"), ("MetricsOnPublicListener", "true")));

        Assert.False(options.TracesOn || options.MetricsOn || options.MetricsServed);
    }

    [Theory]
    [InlineData("TraceSampleRatio", "1.5", "TraceSampleRatio")]
    [InlineData("OtlpProtocol", "udp", "OtlpProtocol")]
    [InlineData("OtlpEndpoint", "ftp://collector", "OtlpEndpoint")]
    [InlineData("MetricsUrl", "http://0.0.0.0", "MetricsUrl")]
    [InlineData("MetricsUrl", "https://0.0.0.0:9464", "MetricsUrl")]
    public void An_unusable_value_is_refused_naming_its_key(string key, string value, string named)
    {
        var e = Assert.Throws<InvalidOperationException>(() => TelemetryOptions.From(Settings((key, value))));

        Assert.Contains($"Telemetry:{named}", e.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Telemetry:{v.Key}", v.Value))).Build();
}
