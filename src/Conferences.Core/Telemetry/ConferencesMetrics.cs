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

    public static readonly ObservableUpDownCounter<long> LiveConferences = ConferencesTelemetry.Meter.CreateObservableUpDownCounter(
        "conferences.live.conferences", () => LiveStates.Sum(s => (long)s.Key.ConferenceCount), "{conference}", "Conferences running now, as the live state knows them");

    public static readonly ObservableUpDownCounter<long> LiveParticipants = ConferencesTelemetry.Meter.CreateObservableUpDownCounter(
        "conferences.live.participants", () => LiveStates.Sum(s => (long)s.Key.ParticipantCount), "{participant}", "Participants in the running conferences");

    public static readonly Counter<long> EventsIngested = ConferencesTelemetry.Meter.CreateCounter<long>(
        "conferences.events.ingested", "{event}", "Conference events applied to the live state, by event name");

    public static readonly Counter<long> Resyncs = ConferencesTelemetry.Meter.CreateCounter<long>(
        "conferences.resyncs", "{resync}", "Searches of the media managers that resynchronised the live state, by scope and outcome");

    public static readonly Histogram<double> ResyncDuration = ConferencesTelemetry.Meter.CreateHistogram<double>(
        "conferences.resync.duration", "s", "Duration of one resynchronisation (an account's or a conference's search)");

    public static readonly Counter<long> BusSent = ConferencesTelemetry.Meter.CreateCounter<long>(
        "messaging.client.sent.messages", "{message}", "kapi messages published (confirmed by the bus unless error.type is set)");

    public static readonly Histogram<double> BusDuration = ConferencesTelemetry.Meter.CreateHistogram<double>(
        "messaging.client.operation.duration", "s", "Time from publish to the bus's confirmation (RabbitMQ: the publisher confirm)");

    public static readonly Counter<long> BusConsumed = ConferencesTelemetry.Meter.CreateCounter<long>(
        "messaging.client.consumed.messages", "{message}", "kapi messages delivered to this process's handlers");

    public static readonly Histogram<double> StoreDuration = ConferencesTelemetry.Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Duration of one document store call; failures carry error.type");

    public static readonly UpDownCounter<long> WebsocketConnections = ConferencesTelemetry.Meter.CreateUpDownCounter<long>(
        "conferences.websocket.connections", "{connection}", "Open websocket connections (/ws)");

    public static readonly UpDownCounter<long> WebsocketSubscriptions = ConferencesTelemetry.Meter.CreateUpDownCounter<long>(
        "conferences.websocket.subscriptions", "{binding}", "Bindings held by the open websocket connections");

    public static readonly Counter<long> WebsocketFrames = ConferencesTelemetry.Meter.CreateCounter<long>(
        "conferences.websocket.frames", "{frame}", "Websocket text frames, by direction (received from or queued for clients)");

    public static readonly Counter<long> WebsocketSlowConsumerCloses = ConferencesTelemetry.Meter.CreateCounter<long>(
        "conferences.websocket.slow_consumer.closes", "{connection}", "Websockets closed because their client fell too far behind");

    /// <summary>Counts <paramref name="state"/> in the live-state gauges (while its feed runs).</summary>
    public static void ObserveLiveState(LiveConferenceState state) => LiveStates.AddOrUpdate(state, null);

    public static void ForgetLiveState(LiveConferenceState state) => LiveStates.Remove(state);
}
