namespace Conferences.Infrastructure.Messaging;

/// <summary>
/// Runs a subscription's handler on one delivery, the same on every bus: the body is parsed afresh (nobody else holds
/// the object), and a failing handler drops its message, as Kazoo drops what it cannot handle, while the consumer goes on.
/// </summary>
internal static partial class KapiDeliveryRunner
{
    public static async Task RunAsync(
        KapiMessageHandler handler, KapiRoute route, ReadOnlyMemory<byte> body, string queue, ILogger logger, CancellationToken stopping)
    {
        try
        {
            var message = JsonNode.Parse(body.Span) as JsonObject
                ?? throw new JsonException("the message body is not a JSON object");
            await handler(new KapiDelivery(route.Exchange, route.RoutingKey, message), stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // unsubscribed while handling
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, queue, route.RoutingKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler of queue {Queue} failed on {RoutingKey}; message dropped")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string queue, string routingKey);
}

/// <summary>Where a delivery came from: the exchange and the routing key it was published with.</summary>
internal readonly record struct KapiRoute(string Exchange, string RoutingKey);
