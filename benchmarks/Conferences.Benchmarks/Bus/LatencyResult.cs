namespace Conferences.Benchmarks.Bus;

/// <summary>Round-trip latencies of one case: count, mean and percentiles in milliseconds.</summary>
public sealed record LatencyResult(int Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencyResult From(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new(0, 0, 0, 0, 0)
            : new(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
