namespace Conferences.Benchmarks.Realtime;

/// <summary>One HTTP case: the running variant and its idle twin, median rounds.</summary>
internal sealed record HttpCase(string Name, byte[] RunningBody, byte[] IdleBody, LoadResult Running, LoadResult Idle, double RunningCpuUs, double IdleCpuUs)
{
    public LoadResult? BareRunning { get; init; }

    public LoadResult? BareIdle { get; init; }

    /// <summary>The bare endpoint's own CPU per answer (µs): what the running variant's bytes cost a server that does nothing else.</summary>
    public double BareRunningCpuUs { get; init; }

    public double BareIdleCpuUs { get; init; }

    public double CpuRatio => RunningCpuUs / IdleCpuUs;

    /// <summary>Bare Kestrel answering the running bytes ÷ answering the idle bytes: the share the bytes alone allow.</summary>
    public double BareRatio => BareRunning is { } running && BareIdle is { } idle ? running.RequestsPerSecond / idle.RequestsPerSecond : double.NaN;

    public double ThroughputRatio => Running.RequestsPerSecond / Idle.RequestsPerSecond;

    public double P99Ratio => Running.P99Ms / Idle.P99Ms;
}
