namespace Conferences.Benchmarks.Bus;

/// <summary>
/// One publish round: <see cref="Published"/> messages accepted (confirmed) in <see cref="PublishSeconds"/>, and
/// the time until the consumer had taken all of them (<see cref="DrainedSeconds"/>, from the same start).
/// </summary>
public sealed record ThroughputResult(long Published, double PublishSeconds, long Consumed, double DrainedSeconds)
{
    public double PublishedPerSecond => Published / PublishSeconds;

    public double ConsumedPerSecond => Consumed / DrainedSeconds;

    public static ThroughputResult Median(IEnumerable<ThroughputResult> rounds) =>
        rounds.OrderBy(r => r.PublishedPerSecond).ToList() is var sorted && sorted.Count > 0
            ? sorted[sorted.Count / 2]
            : throw new ArgumentException("no rounds", nameof(rounds));
}
