namespace Conferences.MediaServer.Commands;

// conference_controller_{conf} consumers while conferences run (docs/amqp.md, "Queues"); keyed by uuid, so a re-created
// conference gets its own.
internal sealed partial class ConferenceControllers(
    IKapiSubscriber subscriber,
    Func<string, KapiMessageHandler> handlerFor,
    ILogger<ConferenceControllers> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, IKapiSubscription> running = new(StringComparer.Ordinal);

    public static string QueueName(string conferenceId) => $"conference_controller_{conferenceId}";

    // Throws BusUnavailableException: the conference cannot start.
    public async Task StartAsync(SimulatedConference conference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conference);
        var queue = KapiQueue.Shared(QueueName(conference.Name), KapiExchange.Conference, [KapiRoutingKeys.Command(conference.Name)]);
        var subscription = await subscriber.SubscribeAsync(queue, handlerFor(conference.Name), cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            running[conference.Uuid] = subscription;
        }
        LogStarted(conference.Name, subscription.QueueName);
    }

    // May be called from that consumer's own handler.
    public async Task StopAsync(SimulatedConference conference)
    {
        ArgumentNullException.ThrowIfNull(conference);
        IKapiSubscription? subscription;
        lock (gate)
        {
            running.Remove(conference.Uuid, out subscription);
        }
        if (subscription is not null)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            LogStopped(conference.Name);
        }
    }

    public async Task StopAllAsync()
    {
        List<IKapiSubscription> all;
        lock (gate)
        {
            all = [.. running.Values];
            running.Clear();
        }
        foreach (var subscription in all)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conference {ConferenceId}: consuming commands on {Queue}")]
    private partial void LogStarted(string conferenceId, string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conference {ConferenceId}: command consumer stopped")]
    private partial void LogStopped(string conferenceId);
}
