using System.Diagnostics;
using Conferences.Core.Kapi;
using Conferences.Core.Messaging;
using Conferences.Infrastructure.Messaging.InProcess;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// What choosing the queues of one publish costs with the run's bindings (one per queue): the in-process bus's
/// index (<see cref="InProcessRouter"/>, a dictionary of plain keys and a trie of patterns) beside the linear scan it
/// replaced — every queue of the exchange, every binding through <see cref="KapiRoutingKeys.TopicMatches"/> — kept
/// here only as the baseline. Both route the same keys; their answers are checked to agree.
/// </summary>
public static class RoutingCost
{
    /// <returns>microseconds per routed key: (scan, index), the median of <paramref name="rounds"/> alternating rounds.</returns>
    public static (double ScanMicros, double IndexMicros) Measure(IReadOnlyList<string> bindings, IReadOnlyList<string> keys, int rounds)
    {
        var queues = bindings.Select((binding, i) => (Queue: new InProcessQueue($"q{i}", KapiExchange.Conference, shared: false), Binding: binding)).ToList();
        var router = new InProcessRouter();
        foreach (var (queue, binding) in queues)
        {
            router.Bind(queue, [binding]);
        }
        foreach (var key in keys.Take(50))
        {
            var scanned = Scan(queues, key);
            if (scanned.Length != router.Route(KapiRoutingKeys.ConferenceExchange, key).Length)
            {
                throw new InvalidOperationException($"the index and the scan disagree on {key}");
            }
        }

        var (scans, indexes) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            scans.Add(Time(keys, key => Scan(queues, key).Length));
            indexes.Add(Time(keys, key => router.Route(KapiRoutingKeys.ConferenceExchange, key).Length));
        }
        return (scans.Order().ElementAt(rounds / 2), indexes.Order().ElementAt(rounds / 2));
    }

    // the in-process bus before the index: every queue of the exchange, every binding matched afresh
    private static InProcessQueue[] Scan(List<(InProcessQueue Queue, string Binding)> queues, string key) =>
        [.. queues.Where(q => q.Queue.Exchange.Name == KapiRoutingKeys.ConferenceExchange && KapiRoutingKeys.TopicMatches(q.Binding, key)).Select(q => q.Queue)];

    private static double Time(IReadOnlyList<string> keys, Func<string, int> route)
    {
        var reached = 0;
        var start = Stopwatch.GetTimestamp();
        foreach (var key in keys)
        {
            reached += route(key);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(reached);
        return elapsed.TotalMicroseconds / keys.Count;
    }
}
