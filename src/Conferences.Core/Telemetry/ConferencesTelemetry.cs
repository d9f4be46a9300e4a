using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conferences.Core.Telemetry;

/// <summary>
/// The service's own trace source and meter, both named <see cref="Name"/> (docs/operations.md, "Metrics" and
/// "Traces"). Without a listener — telemetry off — starting a span returns null and recording a measurement is a
/// flag check, so instrumented code costs nothing then.
/// </summary>
public static class ConferencesTelemetry
{
    public const string Name = "Conferences";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
