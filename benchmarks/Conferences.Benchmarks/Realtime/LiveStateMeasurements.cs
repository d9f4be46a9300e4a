using System.Diagnostics;
using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using Conferences.Core.Realtime;
using Conferences.Infrastructure.Messaging.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks.Realtime;

/// <summary>
/// The live state measured in this process: its memory for many conferences (forced full collections before and
/// after, <see cref="GC.GetTotalMemory(bool)"/>) and its event ingestion rate — through the apply path alone,
/// from the parsed message (read + apply, what the feed does per delivery), and end to end through the in-process
/// bus (publish → queue → parse → feed).
/// </summary>
internal static class LiveStateMeasurements
{
    public static (long Bytes, int Conferences, int Participants) Memory(int conferences, int members)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var state = new LiveConferenceState();
        // events are made, read and applied one at a time: what stays reachable afterwards is the state alone
        foreach (var (key, message) in EventStream.Joins(conferences, members, "m"))
        {
            state.Apply(Read(key, message));
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var counts = (state.ConferenceCount, state.ParticipantCount);
        GC.KeepAlive(state);
        return (after - before, counts.ConferenceCount, counts.ParticipantCount);
    }

    /// <summary>Events/s from the UTF-8 bytes on the wire: parse (as a bus adapter does per delivery), read, apply.</summary>
    public static double ParseReadAndApplyRate(int conferences, int members, int rounds)
    {
        var messages = EventStream.Lives(conferences, members, "p").Select(e => (e.RoutingKey, Bytes: KazooJson.ToUtf8(e.Message))).ToArray();
        return Median(rounds, () =>
        {
            var state = new LiveConferenceState();
            var watch = Stopwatch.StartNew();
            foreach (var (key, bytes) in messages)
            {
                state.Apply(Read(key, (JsonObject)JsonNode.Parse(bytes)!));
            }
            return messages.Length / watch.Elapsed.TotalSeconds;
        });
    }

    /// <summary>Events/s of <see cref="LiveConferenceState.Apply"/> over pre-read events (median of rounds).</summary>
    public static double ApplyRate(int conferences, int members, int rounds)
    {
        var events = EventStream.Lives(conferences, members, "a").Select(e => Read(e.RoutingKey, e.Message)).ToArray();
        return Median(rounds, () =>
        {
            var state = new LiveConferenceState();
            var watch = Stopwatch.StartNew();
            foreach (var e in events)
            {
                state.Apply(e);
            }
            return events.Length / watch.Elapsed.TotalSeconds;
        });
    }

    /// <summary>Events/s of reading a parsed message and applying it (what the feed does per delivery).</summary>
    public static double ReadAndApplyRate(int conferences, int members, int rounds)
    {
        var messages = EventStream.Lives(conferences, members, "r").ToArray();
        return Median(rounds, () =>
        {
            var state = new LiveConferenceState();
            var watch = Stopwatch.StartNew();
            foreach (var (key, message) in messages)
            {
                state.Apply(Read(key, message));
            }
            return messages.Length / watch.Elapsed.TotalSeconds;
        });
    }

    /// <summary>
    /// Events/s through the in-process bus: published on <c>conference</c> and consumed by the real
    /// <see cref="LiveConferenceFeed"/> (its own queue, one JSON parse per delivery), until the last one is applied.
    /// </summary>
    public static async Task<double> InProcessBusRateAsync(int conferences, int members, int rounds)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddInProcessMessaging();
        services.AddLiveConferences();
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        var feed = provider.GetRequiredService<LiveConferenceFeed>();
        await feed.StartAsync(CancellationToken.None);
        var publisher = provider.GetRequiredService<IKapiPublisher>();
        var state = provider.GetRequiredService<LiveConferenceState>();
        var rates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var messages = EventStream.Lives(conferences, members, $"b{round}").ToArray();
            // a last conference-create after the stream: when it is applied, everything before it is (one ordered queue)
            var (sentinelKey, sentinel) = EventStream.Joins(1, 0, $"s{round}").Single();
            var sentinelId = KazooJson.GetString(sentinel, "Conference-ID")!;
            var watch = Stopwatch.StartNew();
            foreach (var (key, message) in messages)
            {
                await publisher.PublishAsync(key, message, CancellationToken.None);
            }
            await publisher.PublishAsync(sentinelKey, sentinel, CancellationToken.None);
            while (state.Find(EventStream.Account, sentinelId) is null)
            {
                await Task.Delay(1);
            }
            rates.Add(messages.Length / watch.Elapsed.TotalSeconds);
        }
        await feed.DisposeAsync();
        foreach (var service in Enumerable.Reverse(hosted))
        {
            await service.StopAsync(CancellationToken.None);
        }
        return rates.Order().ElementAt(rates.Count / 2);
    }

    public static int EventsPerLife(int members) => 2 + (8 * members);

    private static LiveEvent Read(string routingKey, JsonObject message) =>
        LiveEvent.TryRead(message, routingKey, Gregorian.Now(TimeProvider.System), out var read) ? read! : throw new InvalidOperationException("unreadable event");

    private static double Median(int rounds, Func<double> run)
    {
        run(); // warm-up
        var results = Enumerable.Range(0, rounds).Select(_ => run()).Order().ToList();
        return results[results.Count / 2];
    }
}
