using System.Diagnostics;
using Conferences.Benchmarks.Bus;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// Delays (publish → receipt, Stopwatch ticks) recorded per phase by one receiver (a socket's loop, a bus handler):
/// single-writer lists, merged when a phase is read.
/// </summary>
public sealed class PhaseSamples
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, List<long>> delays = [];
    private readonly Dictionary<int, long> lastReceived = [];

    public void Record(int phase, long published, long received)
    {
        lock (gate)
        {
            if (!delays.TryGetValue(phase, out var list))
            {
                delays[phase] = list = new List<long>(1024);
            }
            list.Add(received - published);
            lastReceived[phase] = Math.Max(lastReceived.GetValueOrDefault(phase), received);
        }
    }

    public int Count(int phase)
    {
        lock (gate)
        {
            return delays.TryGetValue(phase, out var list) ? list.Count : 0;
        }
    }

    public static int Count(IEnumerable<PhaseSamples> all, int phase) => all.Sum(s => s.Count(phase));

    /// <summary>Every delay of the phase in milliseconds, and the latest receipt (Stopwatch timestamp).</summary>
    public static (LatencyResult Latency, long LastReceived) Summarise(IEnumerable<PhaseSamples> all, int phase)
    {
        var milliseconds = new List<double>();
        long last = 0;
        foreach (var samples in all)
        {
            lock (samples.gate)
            {
                if (samples.delays.TryGetValue(phase, out var list))
                {
                    milliseconds.AddRange(list.Select(t => t * 1000.0 / Stopwatch.Frequency));
                    last = Math.Max(last, samples.lastReceived[phase]);
                }
            }
        }
        return (LatencyResult.From(milliseconds), last);
    }
}
