namespace Conferences.MediaServer.Search;

// Every manager answers every search on its own discovery queue (docs/amqp.md); callflow's discovery_req and invalid
// searches are ignored.
internal sealed partial class SearchResponder(
    SimulatorState state,
    IKapiPublisher publisher,
    SimulatorIdentity identity,
    TimeProvider clock,
    ILogger<SearchResponder> logger)
{
    public static KapiQueue Queue => KapiQueue.Exclusive(KapiExchange.Conference, [KapiRoutingKeys.Discovery]);

    public async Task HandleAsync(KapiDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var request = delivery.Message;
        if (KazooJson.GetString(request, KapiHeaders.EventName) != KapiConference.SearchReq.EventName)
        {
            return;
        }
        var problems = KapiMessage.Validate(KapiConference.SearchReq, request);
        var serverId = KazooJson.GetString(request, KapiHeaders.ServerId);
        if (problems.Count > 0 || string.IsNullOrEmpty(serverId))
        {
            LogInvalid(string.Join("; ", problems.Select(p => p.ToString()).DefaultIfEmpty("no Server-ID")));
            return;
        }
        var msgId = KazooJson.GetString(request, KapiHeaders.MsgId)!;
        var now = Gregorian.Now(clock);
        var conferenceId = KazooJson.GetString(request, KapiKeys.ConferenceId);
        var reply = string.IsNullOrEmpty(conferenceId)
            ? SearchReplies.AccountForm(msgId, KazooJson.GetString(request, KapiHeaders.AccountId)!, state.Snapshot(), now, identity.ManagerSender)
            : state.SnapshotOf(conferenceId) is { } hosted
                ? SearchReplies.ConferenceForm(msgId, hosted, now, identity.ManagerSender)
                : SearchReplies.NotFound(msgId, conferenceId, request, identity.ManagerSender);
        await publisher.ReplyAsync(serverId, reply, cancellationToken).ConfigureAwait(false);
        LogAnswered(conferenceId ?? "(account)", KazooJson.GetString(reply, KapiHeaders.EventName) ?? "?", serverId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an invalid search_req: {Problems}")]
    private partial void LogInvalid(string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search {ConferenceId}: answered {EventName} to {ServerId}")]
    private partial void LogAnswered(string conferenceId, string eventName, string serverId);
}
