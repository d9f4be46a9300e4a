using System.Diagnostics;

namespace Conferences.Core.Telemetry;

/// <summary>
/// Spans and counts of the bus, for both adapters (docs/operations.md, "Traces"). The W3C trace context
/// (RFC-style <c>traceparent</c> / <c>tracestate</c> of the W3C Trace Context recommendation) travels in the
/// message's transport headers — AMQP basic-properties headers on RabbitMQ — never in the kapi JSON body, which
/// stays as Kazoo defines it (docs/amqp.md, "Trace context").
/// </summary>
public static class KapiInstrumentation
{
    public const string TraceParentHeader = "traceparent";

    public const string TraceStateHeader = "tracestate";

    /// <summary>The producer span of one publish, a child of the current span; null when nobody listens.</summary>
    public static Activity? StartPublish(string system, string exchange, string routingKey)
    {
        var activity = ConferencesTelemetry.Source.StartActivity($"publish {exchange}", ActivityKind.Producer);
        Tag(activity, system, "publish", exchange, routingKey);
        return activity;
    }

    /// <summary>
    /// The consumer span of one delivery: a child of the span named by its <c>traceparent</c>, a new trace without
    /// one — never a child of whatever span the consumer loop happened to start under.
    /// </summary>
    public static Activity? StartProcess(string system, string exchange, string routingKey, string? traceParent, string? traceState)
    {
        Activity.Current = null;
        ConferencesMetrics.BusConsumed.Add(1, new("messaging.system", system), new("messaging.destination.name", exchange));
        if (!ConferencesTelemetry.Source.HasListeners())
        {
            return null;
        }
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        var activity = ConferencesTelemetry.Source.StartActivity($"process {exchange}", ActivityKind.Consumer, parent);
        Tag(activity, system, "process", exchange, routingKey);
        return activity;
    }

    /// <summary>The current span's context as transport headers; nothing when no span is current.</summary>
    public static void InjectCurrent(Action<string, string> setHeader)
    {
        ArgumentNullException.ThrowIfNull(setHeader);
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } current)
        {
            return;
        }
        setHeader(TraceParentHeader, id);
        if (current.TraceStateString is { Length: > 0 } state)
        {
            setHeader(TraceStateHeader, state);
        }
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="error"/>'s type as <c>error.type</c>.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        activity?.SetStatus(ActivityStatusCode.Error, error.Message).SetTag("error.type", error.GetType().Name);
    }

    private static void Tag(Activity? activity, string system, string operation, string exchange, string routingKey)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", system)
                .SetTag("messaging.operation.name", operation)
                .SetTag("messaging.destination.name", exchange)
                .SetTag("messaging.rabbitmq.destination.routing_key", routingKey);
        }
    }
}
