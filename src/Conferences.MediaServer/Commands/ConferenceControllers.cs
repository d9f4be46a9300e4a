namespace Conferences.MediaServer.Commands;

/// <summary>
/// ecallmgr's per-conference command consumers (<c>ecallmgr_conference_control</c>, docs/amqp.md, <c>ecallmgr_fs_conference_stream.erl</c>):
/// while a conference runs, a shared queue <c>conference_controller_{conf}</c> bound to
/// <c>conference.command.{conf}</c>; started when the conference is created, stopped when it is destroyed. Keyed by
/// the conference instance (uuid), so a conference re-created under the same name gets a consumer of its own.
/// </summary>
internal sealed partial class ConferenceControllers(
    IKapiSubscriber subscriber,
    Func<string, KapiMessageHandler> handlerFor,
    ILogger<ConferenceControllers> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, IKapiSubscription> running = new(StringComparer.Ordinal);

    public static string QueueName(string conferenceId) => $"conference_controller_{conferenceId}";

    /// <exception cref="BusUnavailableException">the bus is down: the conference cannot start.</exception>
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

    /// <summary>Stops the consumer of a destroyed conference; may be called from that consumer's own handler.</summary>
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
