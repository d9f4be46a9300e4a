using System.Collections.Concurrent;

namespace Conferences.MediaServer.Dial;

/// <summary>
/// Which conferences run on other media servers, learnt from their <c>conference-create</c> and
/// <c>conference-destroy</c> events (an exclusive queue of this instance). Kazoo's ecallmgrs all see every
/// FreeSWITCH node, so whichever takes a dial from the shared zone queue dials on the conference's node
/// (<c>ecallmgr_fs_conferences_shared.erl</c>); simulator instances each own their media server, so one that takes a dial for a
/// conference running elsewhere hands it to that conference's command queue, where the host takes it.
/// </summary>
internal sealed partial class RemoteConferences(SimulatorIdentity identity, ILogger<RemoteConferences> logger)
{
    private readonly ConcurrentDictionary<string, string> hosts = new(StringComparer.Ordinal);

    public static KapiQueue Queue => KapiQueue.Exclusive(KapiExchange.Conference,
    [
        KapiRoutingKeys.Event(KapiConferenceEvents.ConferenceCreate, "*", "*", "*"),
        KapiRoutingKeys.Event(KapiConferenceEvents.ConferenceDestroy, "*", "*", "*"),
    ]);

    /// <summary>The media node of another instance running <paramref name="conferenceId"/>, or null.</summary>
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
