using Conferences.Core.Telemetry;

namespace Conferences.Infrastructure.Messaging;

// One delivery on any bus: the body parsed afresh; a failing handler drops its message, as Kazoo does, and the consumer
// goes on.
internal static partial class KapiDeliveryRunner
{
    // false when the subscription ended while the handler ran: a broker gets the message back, unacknowledged.
    public static async Task<bool> RunAsync(
        KapiMessageHandler handler, KapiRoute route, ReadOnlyMemory<byte> body, string queue, ILogger logger, CancellationToken stopping)
    {
        using var activity = KapiInstrumentation.StartProcess(route.System, route.Exchange, route.RoutingKey, route.TraceParent, route.TraceState);
        try
        {
            await handler(Parse(route, body), stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false; // unsubscribed while handling
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, queue, route.RoutingKey);
            KapiInstrumentation.Fail(activity, e);
        }
        return true;
    }

    // Several deliveries in one handler call, traced as the first one's; a body that is not JSON is dropped alone.
    public static async Task<bool> RunBatchAsync(
        KapiBatchHandler handler, IReadOnlyList<(KapiRoute Route, ReadOnlyMemory<byte> Body)> batch, string queue, ILogger logger, CancellationToken stopping)
    {
        var first = batch[0].Route;
        using var activity = KapiInstrumentation.StartProcess(first.System, first.Exchange, first.RoutingKey, first.TraceParent, first.TraceState);
        var deliveries = new List<KapiDelivery>(batch.Count);
        foreach (var (route, body) in batch)
        {
            try
            {
                deliveries.Add(Parse(route, body));
            }
            catch (JsonException e)
            {
                LogHandlerFailed(logger, e, queue, route.RoutingKey);
            }
        }
        try
        {
            await handler(deliveries, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, queue, first.RoutingKey);
            KapiInstrumentation.Fail(activity, e);
        }
        return true;
    }

    private static KapiDelivery Parse(KapiRoute route, ReadOnlyMemory<byte> body) =>
        new(route.Exchange, route.RoutingKey, JsonNode.Parse(body.Span) as JsonObject ?? throw new JsonException("the message body is not a JSON object"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler of queue {Queue} failed on {RoutingKey}; message dropped")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string queue, string routingKey);
}

// Where a delivery came from: the bus, its exchange and routing key, and the W3C trace context it carried.
internal readonly record struct KapiRoute(string System, string Exchange, string RoutingKey, string? TraceParent, string? TraceState);
