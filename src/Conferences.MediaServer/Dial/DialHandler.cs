namespace Conferences.MediaServer.Dial;

// ecallmgr_fs_conferences_shared: one shared zone queue; a conference running on another instance gets the dial
// forwarded (RemoteConferences; docs/amqp.md, "Queues").
internal sealed partial class DialHandler(
    SimulatorState state,
    ConferenceSwitch conferences,
    RemoteConferences remote,
    IKapiPublisher publisher,
    BackgroundWork work,
    SimulatorIdentity identity,
    SimulatorOptions options,
    TimeProvider clock,
    ILogger<DialHandler> logger)
{
    public const string SharedQueueName = "ecallmgr_fs_conferences_shared";

    public KapiQueue Queue => KapiQueue.Shared(QueueName(identity.Zone), KapiExchange.Conference, [KapiRoutingKeys.Dial(identity.Zone)]);

    // Kazoo uses the default name in every zone (a broker per zone); on one shared broker other zones need their own
    // name.
    public static string QueueName(string zone) =>
        zone == KapiRoutingKeys.DefaultZone ? SharedQueueName : $"{SharedQueueName}_{zone}";

    public async Task HandleAsync(KapiDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!TryRead(delivery.Message, out var request))
        {
            return;
        }
        if (state.FindConference(request.ConferenceId) is null && remote.HostOf(request.ConferenceId) is { } host)
        {
            await publisher.PublishAsync(KapiRoutingKeys.Command(request.ConferenceId), delivery.Message, cancellationToken).ConfigureAwait(false);
            LogForwarded(request.ConferenceId, host);
            return;
        }
        Start(request);
    }

    // Forwarded by another instance: dialled here.
    public void DialHere(JsonObject message)
    {
        if (TryRead(message, out var request))
        {
            Start(request);
        }
    }

    private bool TryRead(JsonObject message, out DialRequest request)
    {
        request = null!;
        if (!ReferenceEquals(KapiConference.Identify(message), KapiConference.Dial))
        {
            return false;
        }
        var problems = KapiMessage.Validate(KapiConference.Dial, message);
        if (problems.Count > 0)
        {
            LogInvalid(string.Join("; ", problems));
            return false;
        }
        request = DialRequest.From(message, options.DefaultDialTimeoutSeconds);
        return true;
    }

    private void Start(DialRequest request) =>
        work.Run($"dial {request.MsgId} into {request.ConferenceId}", ct => DialAsync(request, ct));

    private async Task DialAsync(DialRequest request, CancellationToken ct)
    {
        var accountId = state.FindConference(request.ConferenceId)?.AccountId ?? request.ConferenceAccountId;
        var legs = DialLeg.Plan(request, accountId, identity.ManagerNode);
        LogDialling(request.ConferenceId, legs.Count);
        var items = await Task.WhenAll(legs.Select(leg => RingAsync(request, accountId, leg, ct))).ConfigureAwait(false);
        if (request.ServerId is null)
        {
            LogNoReplyAddress(request.MsgId);
            return;
        }
        await publisher.ReplyAsync(request.ServerId, DialReplies.Response(request.MsgId, items, identity.ManagerSender), ct).ConfigureAwait(false);
    }

    private async Task<JsonObject> RingAsync(DialRequest request, string accountId, DialLeg leg, CancellationToken ct)
    {
        if (leg.Outcome == DialOutcome.NoAnswer)
        {
            await Task.Delay(TimeSpan.FromSeconds(request.TimeoutSeconds * options.TimeScale), clock, ct).ConfigureAwait(false);
            return DialReplies.Error(leg.EndpointId, DialReplies.Timeout);
        }
        await Task.Delay(options.AnswerDelay, clock, ct).ConfigureAwait(false);
        switch (leg.Outcome)
        {
            case DialOutcome.Busy:
                return DialReplies.Error(leg.EndpointId, DialReplies.UserBusy);
            case DialOutcome.Fail:
                return DialReplies.Error(leg.EndpointId, DialReplies.UnknownFailure);
        }
        var join = new MemberJoin(
            request.ConferenceId, accountId, leg.CallId, leg.CallerIdName, leg.CallerIdNumber, leg.PresenceId,
            leg.CustomChannelVars, request.ParticipantFlags, request.CustomApplicationVars.DeepClone().AsObject());
        try
        {
            return await conferences.JoinAsync(join, ct).ConfigureAwait(false) is null
                ? DialReplies.Error(leg.EndpointId, DialReplies.UnknownFailure)
                : DialReplies.Success(leg.EndpointId, leg.CallId);
        }
        catch (BusUnavailableException e)
        {
            LogJoinFailed(e, leg.CallId, request.ConferenceId);
            return DialReplies.Error(leg.EndpointId, DialReplies.UnknownFailure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an invalid dial: {Problems}")]
    private partial void LogInvalid(string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dial into {ConferenceId} forwarded to {Node}, which runs it")]
    private partial void LogForwarded(string conferenceId, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialling {Count} endpoints into {ConferenceId}")]
    private partial void LogDialling(string conferenceId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dial {MsgId} has no Server-ID: nobody to answer")]
    private partial void LogNoReplyAddress(string msgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not join {ConferenceId}")]
    private partial void LogJoinFailed(Exception exception, string callId, string conferenceId);
}
