using System.Collections.Concurrent;

namespace Conferences.MediaServer.Dial;

// Kazoo's ecallmgrs all see every FreeSWITCH node; simulator instances own theirs, so a dial for a conference hosted
// elsewhere is handed to its command queue.
internal sealed partial class RemoteConferences(SimulatorIdentity identity, ILogger<RemoteConferences> logger)
{
    private readonly ConcurrentDictionary<string, string> hosts = new(StringComparer.Ordinal);

    public static KapiQueue Queue => KapiQueue.Exclusive(KapiExchange.Conference,
    [
        KapiRoutingKeys.Event(KapiConferenceEvents.ConferenceCreate, "*", "*", "*"),
        KapiRoutingKeys.Event(KapiConferenceEvents.ConferenceDestroy, "*", "*", "*"),
    ]);

    public string? HostOf(string conferenceId) => hosts.GetValueOrDefault(conferenceId);

    public Task HandleAsync(KapiDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        var node = KazooJson.GetString(message, KapiHeaders.Node);
        var conferenceId = KazooJson.GetString(message, KapiKeys.ConferenceId);
        if (string.IsNullOrEmpty(node) || string.IsNullOrEmpty(conferenceId) || node == identity.MediaNode)
        {
            return Task.CompletedTask;
        }
        switch (KazooJson.GetString(message, KapiKeys.Event))
        {
            case KapiConferenceEvents.ConferenceCreate:
                hosts[conferenceId] = node;
                LogLearnt(conferenceId, node);
                break;
            case KapiConferenceEvents.ConferenceDestroy:
                hosts.TryRemove(new KeyValuePair<string, string>(conferenceId, node));
                break;
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conference {ConferenceId} runs on {Node}")]
    private partial void LogLearnt(string conferenceId, string node);
}
