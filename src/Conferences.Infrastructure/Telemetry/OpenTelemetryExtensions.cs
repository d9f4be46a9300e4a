using Conferences.Core.Telemetry;
using Conferences.Infrastructure.Messaging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conferences.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for a host (the API or the simulator worker), off the shelf: the SDK with the service's source and
/// meter (<see cref="ConferencesTelemetry"/>), HttpClient spans (CouchDB), parent-based ratio sampling and OTLP export
/// when an endpoint is set (docs/operations.md, "Telemetry"). With <c>Telemetry:Enabled=false</c>, or with neither traces
/// nor a metrics reader configured, nothing is registered.
/// </summary>
public static class OpenTelemetryExtensions
{
    /// <param name="storeSystem"><c>sqlite</c> or <c>couchdb</c>; null for a host without a store.</param>
    /// <param name="tracing">what the host adds to its traces (the API: ASP.NET Core's request spans).</param>
    /// <param name="metrics">what the host adds to its metrics (the API: ASP.NET Core's meters and the Prometheus exporter).</param>
    /// <returns>the options read, so the host can serve <c>/metrics</c> as they say.</returns>
    public static TelemetryOptions AddConferencesOpenTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string defaultServiceName,
        string? storeSystem,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var options = TelemetryOptions.From(configuration);
        if (!options.TracesOn && !options.MetricsOn)
        {
            return options; // nobody would read a span or a measurement: nothing is registered, nothing is measured
        }
        services.AddConferencesTelemetry(storeSystem, configuration.MessagingProvider());
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName ?? defaultServiceName, serviceInstanceId: Environment.MachineName));
        if (options.TracesOn)
        {
            otel.WithTracing(t =>
            {
                t.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddSource(ConferencesTelemetry.Name)
                    .AddHttpClientInstrumentation();
                tracing?.Invoke(t);
                if (options.OtlpEndpoint is not null)
                {
                    t.AddOtlpExporter(o => Otlp(o, options, "v1/traces"));
                }
            });
        }
        if (options.MetricsOn)
        {
            otel.WithMetrics(m =>
            {
                m.AddMeter(ConferencesTelemetry.Name).AddHttpClientInstrumentation();
                metrics?.Invoke(m);
                if (options.OtlpEndpoint is not null)
                {
                    m.AddOtlpExporter(o => Otlp(o, options, "v1/metrics"));
                }
            });
        }
        return options;
    }

    // over HTTP each signal has its own path below the collector's address (OTLP/HTTP); gRPC takes the address as it is
    private static void Otlp(OtlpExporterOptions exporter, TelemetryOptions options, string httpPath)
    {
        var grpc = options.OtlpProtocol == "grpc";
        var endpoint = options.OtlpEndpoint!;
        exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = grpc ? endpoint : new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), httpPath);
    }
}
