namespace Conferences.Benchmarks;

/// <summary>Throughput and latency of one load run against one URL.</summary>
public sealed record LoadResult(string Name, int Requests, double Seconds, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}
