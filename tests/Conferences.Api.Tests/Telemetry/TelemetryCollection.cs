namespace Conferences.Api.Tests.Telemetry;

/// <summary>
/// The service's meter and trace source are process-wide, and this test process runs many hosts: the telemetry tests
/// run alone, after the parallel ones, so the counts they read are their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
