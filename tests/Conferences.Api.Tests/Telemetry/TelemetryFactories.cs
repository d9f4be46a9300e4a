using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace Conferences.Api.Tests.Telemetry;

/// <summary>The embedded service with the quick simulator and <c>/metrics</c> on its own listener (<c>Telemetry:MetricsOnPublicListener</c>).</summary>
public sealed class MetricsApiFactory : ApiFactory
{
    public MetricsApiFactory() => Settings.FastSimulator().Set("Telemetry:MetricsOnPublicListener", "true");
}

/// <summary>
/// The API on RabbitMQ dialling into <paramref name="zone"/>, recording its spans (<c>Telemetry:Traces</c>) into an
/// in-memory exporter.
/// </summary>
public sealed class TracedRabbitMqApiFactory : ApiFactory
{
    private readonly List<Activity> spans = [];

    public TracedRabbitMqApiFactory(string brokerUrl, string zone) =>
        Settings.RabbitMq(brokerUrl).Simulator(false).Set("Dial:Zone", zone).Set("Telemetry:Traces", "true");

    /// <summary>The spans exported so far (a copy).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (spans)
            {
                return [.. spans];
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(
            t => t.AddProcessor(new OpenTelemetry.SimpleActivityExportProcessor(new LockedExporter(spans)))));
    }

    // the in-memory exporter's list, written under a lock: spans end on many threads
    private sealed class LockedExporter(List<Activity> spans) : OpenTelemetry.BaseExporter<Activity>
    {
        public override OpenTelemetry.ExportResult Export(in OpenTelemetry.Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var span in batch)
                {
                    spans.Add(span);
                }
            }
            return OpenTelemetry.ExportResult.Success;
        }
    }
}
