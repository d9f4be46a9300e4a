using System.Diagnostics;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// Closed-loop publishing: <c>concurrency</c> workers each await one publish before starting the next, until the
/// round's time is up; then waits (at most <see cref="DrainLimit"/>) until the consumer has taken every message.
/// </summary>
public static class PublishLoop
{
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    /// <param name="publish">one publish by worker <c>i</c>, complete when the bus accepted (confirmed) it.</param>
    /// <param name="consumed">the consumer's running count of messages taken.</param>
    public static async Task<ThroughputResult> RunAsync(int concurrency, TimeSpan duration, Func<int, Task> publish, Func<long> consumed)
    {
        var before = consumed();
        var counts = new long[concurrency];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await publish(worker).ConfigureAwait(false);
                counts[worker]++;
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        var published = counts.Sum();
        while (consumed() - before < published && clock.Elapsed < duration + DrainLimit)
        {
            await Task.Delay(1).ConfigureAwait(false);
        }
        return new ThroughputResult(published, publishSeconds, consumed() - before, clock.Elapsed.TotalSeconds);
    }
}
