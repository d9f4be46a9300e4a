namespace Conferences.MediaServer.Events;

// ecallmgr's conference events (ecallmgr_fs_conference_stream.erl); a bus failure is logged, as an event ecallmgr could
// not publish is lost.
internal sealed partial class ConferenceEventPublisher(
    IKapiPublisher publisher,
    SimulatorIdentity identity,
    ILogger<ConferenceEventPublisher> logger)
{
    public Task PublishAsync(string eventName, SimulatedConference conference, CancellationToken cancellationToken) =>
        PublishAsync(Fields(eventName, conference, conference.AccountId), cancellationToken);

    public Task PublishAsync(string eventName, SimulatedConference conference, SimulatedParticipant member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var accountId = KazooJson.GetString(member.CustomChannelVars, KapiHeaders.AccountId) ?? conference.AccountId;
        var fields = Fields(eventName, conference, accountId);
        fields[KapiHeaders.CallId] = member.CallId;
        fields[KapiKeys.ParticipantId] = member.MemberId;
        fields[KapiKeys.CallerIdName] = member.CallerIdName;
        fields[KapiKeys.CallerIdNumber] = member.CallerIdNumber;
        fields[KapiKeys.ChannelPresenceId] = member.PresenceId;
        fields[KapiKeys.CustomChannelVars] = member.CustomChannelVars.DeepClone();
        fields[KapiKeys.ConferenceChannelVars] = member.ChannelVars.ToJson();
        return PublishAsync(fields, cancellationToken);
    }

    private static JsonObject Fields(string eventName, SimulatedConference conference, string accountId) => new()
    {
        [KapiKeys.Event] = eventName,
        [KapiHeaders.AccountId] = accountId,
        [KapiKeys.ConferenceId] = conference.Name,
        [KapiKeys.InstanceId] = conference.Uuid,
    };

    private async Task PublishAsync(JsonObject fields, CancellationToken ct)
    {
        var message = KapiMessage.Build(KapiConference.Event, fields, identity.EventSender);
        var routingKey = KapiRoutingKeys.EventFor(message);
        try
        {
            await publisher.PublishAsync(routingKey, message, ct).ConfigureAwait(false);
            LogPublished(routingKey);
        }
        catch (BusUnavailableException e)
        {
            LogLost(e, routingKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {RoutingKey}")]
    private partial void LogPublished(string routingKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference event {RoutingKey} lost: the bus is unavailable")]
    private partial void LogLost(Exception exception, string routingKey);
}
