using System.Diagnostics.Metrics;

namespace Conferences.Core.Telemetry;

/// <summary>
/// Every instrument of the service's meter, named after the OpenTelemetry semantic conventions where one exists
/// (<c>messaging.client.*</c>, <c>db.client.*</c>) and under <c>conferences.</c> otherwise; the names, units and
/// attributes are listed in docs/operations.md ("Metrics") and used by docs/grafana-dashboard.json.
/// </summary>
public static class ConferencesMetrics
{
    // the live state of every running feed in the process (one per API host; a test process runs several): the gauges add them up
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LiveConferenceState, object?> LiveStates = new();

    public static readonly ObservableUpDownCounter<long> LiveConferences = LiveGauge(
        "conferences.live.conferences", state => state.ConferenceCount, "{conference}", "Conferences running now, as the live state knows them");

    public static readonly ObservableUpDownCounter<long> LiveParticipants = LiveGauge(
        "conferences.live.participants", state => state.ParticipantCount, "{participant}", "Participants in the running conferences");

    public static readonly Counter<long> EventsIngested = Count("conferences.events.ingested", "{event}", "Conference events applied to the live state, by event name");

    public static readonly Counter<long> Resyncs = Count("conferences.resyncs", "{resync}", "Searches of the media managers that resynchronised the live state, by scope and outcome");

    public static readonly Histogram<double> ResyncDuration = Seconds("conferences.resync.duration", "Duration of one resynchronisation (an account's or a conference's search)");

    public static readonly Counter<long> BusSent = Count("messaging.client.sent.messages", "{message}", "kapi messages published (confirmed by the bus unless error.type is set)");

    public static readonly Histogram<double> BusDuration = Seconds("messaging.client.operation.duration", "Time from publish to the bus's confirmation (RabbitMQ: the publisher confirm)");

    public static readonly Counter<long> BusConsumed = Count("messaging.client.consumed.messages", "{message}", "kapi messages delivered to this process's handlers");

    public static readonly Histogram<double> StoreDuration = Seconds("db.client.operation.duration", "Duration of one document store call; failures carry error.type");

    public static readonly UpDownCounter<long> WebsocketConnections = UpDown("conferences.websocket.connections", "{connection}", "Open websocket connections (/ws)");

    public static readonly UpDownCounter<long> WebsocketSubscriptions = UpDown("conferences.websocket.subscriptions", "{binding}", "Bindings held by the open websocket connections");

    public static readonly Counter<long> WebsocketFrames = Count("conferences.websocket.frames", "{frame}", "Websocket text frames, by direction (received from or queued for clients)");

    public static readonly Counter<long> WebsocketSlowConsumerCloses = Count("conferences.websocket.slow_consumer.closes", "{connection}", "Websockets closed because their client fell too far behind");

    private static ObservableUpDownCounter<long> LiveGauge(string name, Func<LiveConferenceState, int> count, string unit, string description) =>
        ConferencesTelemetry.Meter.CreateObservableUpDownCounter(name, () => LiveStates.Sum(s => (long)count(s.Key)), unit, description);

    private static Counter<long> Count(string name, string unit, string description) =>
        ConferencesTelemetry.Meter.CreateCounter<long>(name, unit, description);

    private static UpDownCounter<long> UpDown(string name, string unit, string description) =>
        ConferencesTelemetry.Meter.CreateUpDownCounter<long>(name, unit, description);

    // every histogram of the meter measures a duration in seconds
    private static Histogram<double> Seconds(string name, string description) =>
        ConferencesTelemetry.Meter.CreateHistogram<double>(name, "s", description);

    /// <summary>Counts <paramref name="state"/> in the live-state gauges (while its feed runs).</summary>
    public static void ObserveLiveState(LiveConferenceState state) => LiveStates.AddOrUpdate(state, null);

    public static void ForgetLiveState(LiveConferenceState state) => LiveStates.Remove(state);
}
