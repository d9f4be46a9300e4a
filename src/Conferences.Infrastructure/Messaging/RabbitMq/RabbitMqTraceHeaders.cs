using Conferences.Core.Telemetry;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The W3C trace context in AMQP basic-properties headers (docs/amqp.md, "Trace context"): written as strings, read
/// back as the long strings (bytes) the broker delivers. Kazoo reads a message's payload and content type only, so
/// headers it does not know leave its handling unchanged.
/// </summary>
internal static class RabbitMqTraceHeaders
{
    /// <returns>the current span's <c>traceparent</c> (and <c>tracestate</c>); null when no span is current.</returns>
    public static Dictionary<string, object?>? OfCurrentSpan()
    {
        Dictionary<string, object?>? headers = null;
        KapiInstrumentation.InjectCurrent((name, value) => (headers ??= new Dictionary<string, object?>(2, StringComparer.Ordinal))[name] = value);
        return headers;
    }

    public static string? Read(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;

    /// <summary>Where a delivery came from, with the trace context its publisher put in the headers.</summary>
    public static KapiRoute RouteOf(BasicDeliverEventArgs delivery) => new(
        RabbitMqBus.ProviderName,
        delivery.Exchange,
        delivery.RoutingKey,
        Read(delivery.BasicProperties, KapiInstrumentation.TraceParentHeader),
        Read(delivery.BasicProperties, KapiInstrumentation.TraceStateHeader));
}
