namespace Conferences.Infrastructure.Telemetry;

/// <summary>Section <c>Telemetry</c>: OpenTelemetry traces and metrics of a host (docs/operations.md, "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>false: no OpenTelemetry at all — no spans, no measurements read, no <c>/metrics</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>service.name</c> of the exported telemetry; each host has its own default.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The OpenTelemetry collector (OTLP) that receives traces and metrics; none: nothing is exported by push.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317 by convention) or <c>http/protobuf</c> (4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Record spans; by default when <see cref="OtlpEndpoint"/> is set.</summary>
    public bool? Traces { get; set; }

    /// <summary>Share of new traces recorded (0–1); a trace started upstream keeps the upstream decision.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>A listener of its own for <c>/metrics</c>, e.g. <c>http://0.0.0.0:9464</c> (it answers nothing else but <c>/alive</c> and <c>/health</c>).</summary>
    public Uri? MetricsUrl { get; set; }

    /// <summary>Serve <c>/metrics</c> on the API's own listener too (off by default: it is public there).</summary>
    public bool MetricsOnPublicListener { get; set; }

    public bool TracesOn => Enabled && (Traces ?? OtlpEndpoint is not null);

    public bool MetricsServed => Enabled && (MetricsUrl is not null || MetricsOnPublicListener);

    public bool MetricsOn => Enabled && (MetricsServed || OtlpEndpoint is not null);

    /// <summary>Reads and checks the section.</summary>
    /// <exception cref="InvalidOperationException">a value is unusable; the message names the key.</exception>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        // an empty value (e.g. an unset variable in docker-compose.yml) means none
        options.OtlpEndpoint = options.OtlpEndpoint is { OriginalString.Length: 0 } ? null : options.OtlpEndpoint;
        options.MetricsUrl = options.MetricsUrl is { OriginalString.Length: 0 } ? null : options.MetricsUrl;
        if (options.TraceSampleRatio is < 0 or > 1 || double.IsNaN(options.TraceSampleRatio))
        {
            throw new InvalidOperationException($"{Section}:TraceSampleRatio must be between 0 and 1, not {options.TraceSampleRatio}.");
        }
        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            throw new InvalidOperationException($"{Section}:OtlpProtocol must be 'grpc' or 'http/protobuf', not '{options.OtlpProtocol}'.");
        }
        if (options.OtlpEndpoint is { IsAbsoluteUri: false } || options.OtlpEndpoint?.Scheme is { } s && s != Uri.UriSchemeHttp && s != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{Section}:OtlpEndpoint must be an http(s) URL such as http://127.0.0.1:4317.");
        }
        if (options.MetricsUrl is { } url && (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttp || url.IsDefaultPort))
        {
            throw new InvalidOperationException($"{Section}:MetricsUrl must be an http URL with a port, such as http://0.0.0.0:9464.");
        }
        return options;
    }
}
