namespace Conferences.Core.Messaging;

/// <summary>One reply queue per requester serves every concurrent request, matched by <c>Msg-ID</c> (docs/amqp.md,
/// "Ports").</summary>
public sealed partial class KapiRequester(
    IKapiPublisher publisher,
    IKapiSubscriber subscriber,
    TimeProvider clock,
    ILogger<KapiRequester> logger) : IKapiRequester, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, KapiPendingRequest> pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim replyQueueGate = new(1, 1);
    private IKapiSubscription? replyQueue;

    public string ServerId { get; } = $"conferences-{KazooIds.RandomHex(8)}";

    public async Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(until);
        if (until.Replies == 0)
        {
            LogNobodyToAsk(request.RoutingKey);
            return KapiCollection.Empty;
        }
        var waiter = KapiPendingRequest.Collect(until);
        var completed = await RequestAsync(request, waiter, until.Timeout, cancellationToken).ConfigureAwait(false);
        return new(waiter.Close().Accepted, TimedOut: !completed);
    }

    public async Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(isValid);
        var waiter = KapiPendingRequest.Call(isValid);
        await RequestAsync(request, waiter, timeout, cancellationToken).ConfigureAwait(false);
        var (accepted, rejected) = waiter.Close();
        return new(accepted.Count > 0 ? accepted[0] : null, rejected);
    }

    public async ValueTask DisposeAsync()
    {
        var queue = Interlocked.Exchange(ref replyQueue, null);
        if (queue is not null)
        {
            await queue.DisposeAsync().ConfigureAwait(false);
        }
        replyQueueGate.Dispose();
    }

    private async Task<bool> RequestAsync(KapiRequest request, KapiPendingRequest waiter, TimeSpan timeout, CancellationToken ct)
    {
        // the round trip as one span; the publish and the replies' consumption are its children (docs/operations.md)
        using var activity = ConferencesTelemetry.Source.StartActivity($"request {request.RoutingKey}")?.SetTag("messaging.operation.name", "request");
        await EnsureReplyQueueAsync(ct).ConfigureAwait(false);
        var message = Stamp(request.Message, out var msgId);
        if (!pending.TryAdd(msgId, waiter))
        {
            throw new InvalidOperationException($"a request with Msg-ID {msgId} is already waiting for replies");
        }
        try
        {
            await publisher.PublishAsync(KapiExchange.Conference, request.RoutingKey, message, ct).ConfigureAwait(false);
            try
            {
                await waiter.Completion.WaitAsync(timeout, clock, ct).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
                LogTimedOut(request.RoutingKey, msgId, timeout.TotalMilliseconds);
                return false;
            }
        }
        finally
        {
            pending.TryRemove(msgId, out _);
        }
    }

    // kz_amqp_worker:send_request/4: the caller's Msg-ID kept (dial uses the request id), Server-ID = our queue,
    // System-Log-ID defaulted.
    private JsonObject Stamp(JsonObject request, out string msgId)
    {
        var message = request.DeepClone().AsObject();
        msgId = KazooJson.GetString(message, KapiHeaders.MsgId) is { Length: > 0 } given ? given : KapiHeaders.NewMsgId();
        message[KapiHeaders.MsgId] = msgId;
        message[KapiHeaders.ServerId] = ServerId;
        if (string.IsNullOrEmpty(KazooJson.GetString(message, KapiHeaders.SystemLogId)))
        {
            message[KapiHeaders.SystemLogId] = KazooJson.GetString(message, KapiHeaders.CallId) is { Length: > 0 } callId ? callId : msgId;
        }
        return message;
    }

    private async Task EnsureReplyQueueAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref replyQueue) is not null)
        {
            return;
        }
        await replyQueueGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (replyQueue is null)
            {
                var queue = KapiQueue.Exclusive(KapiExchange.Targeted, [ServerId], ServerId);
                Volatile.Write(ref replyQueue, await subscriber.SubscribeAsync(queue, OnReplyAsync, ct).ConfigureAwait(false));
            }
        }
        finally
        {
            replyQueueGate.Release();
        }
    }

    private Task OnReplyAsync(KapiDelivery delivery, CancellationToken ct)
    {
        var msgId = KazooJson.GetString(delivery.Message, KapiHeaders.MsgId);
        if (msgId is not null && pending.TryGetValue(msgId, out var waiter))
        {
            waiter.Offer(delivery.Message);
        }
        else
        {
            LogDiscarded(msgId ?? "(none)", KazooJson.GetString(delivery.Message, KapiHeaders.EventName) ?? "(none)");
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nobody to collect replies from: {RoutingKey} not published")]
    private partial void LogNobodyToAsk(string routingKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RoutingKey} {MsgId} stopped waiting after {TimeoutMs} ms")]
    private partial void LogTimedOut(string routingKey, string msgId, double timeoutMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discarded reply {EventName} with Msg-ID {MsgId}: no request is waiting for it")]
    private partial void LogDiscarded(string msgId, string eventName);
}
