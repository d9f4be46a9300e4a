using System.Globalization;

namespace Conferences.Benchmarks.Websocket;

/// <summary>The garbage collections of this process (service and benchmark) since <see cref="Start"/>: what a paced
/// round's delay tail may owe to the collector.</summary>
public readonly record struct GcPauses(TimeSpan Pause, int Gen0, int Gen1, int Gen2)
{
    public static GcPauses Start() => Now();

    /// <summary>Pause time and collections since this start, e.g. "GC 12.3 ms paused, 40/6/1 collections (gen 0/1/2)".</summary>
    public override string ToString()
    {
        var now = Now();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC {(now.Pause - Pause).TotalMilliseconds:F1} ms paused, {now.Gen0 - Gen0}/{now.Gen1 - Gen1}/{now.Gen2 - Gen2} collections (gen 0/1/2)");
    }

    private static GcPauses Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
}
