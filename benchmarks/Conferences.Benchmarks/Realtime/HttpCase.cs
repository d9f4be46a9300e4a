namespace Conferences.Benchmarks.Realtime;

/// <summary>One HTTP case: the running variant and its idle twin, median rounds.</summary>
internal sealed record HttpCase(string Name, byte[] RunningBody, byte[] IdleBody, LoadResult Running, LoadResult Idle, double RunningCpuUs, double IdleCpuUs)
{
    public double CpuRatio => RunningCpuUs / IdleCpuUs;

    public double ThroughputRatio => Running.RequestsPerSecond / Idle.RequestsPerSecond;

    public double P99Ratio => Running.P99Ms / Idle.P99Ms;
}
