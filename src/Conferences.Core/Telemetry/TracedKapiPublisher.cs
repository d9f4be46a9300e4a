using System.Diagnostics;

namespace Conferences.Core.Telemetry;

/// <summary>
/// Every publish as a producer span and in <c>messaging.client.sent.messages</c> and
/// <c>messaging.client.operation.duration</c>, failures with <c>error.type</c>. The adapter under it copies the
/// span's context into the message's headers (<see cref="KapiInstrumentation.InjectCurrent"/>).
/// </summary>
internal sealed class TracedKapiPublisher(IKapiPublisher inner, string system) : IKapiPublisher
{
    public async Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        using var activity = KapiInstrumentation.StartPublish(system, exchange.Name, routingKey);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            await inner.PublishAsync(exchange, routingKey, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e.GetType().Name;
            KapiInstrumentation.Fail(activity, e);
            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { "messaging.system", system },
                { "messaging.operation.name", "publish" },
                { "messaging.destination.name", exchange.Name },
            };
            if (error is not null)
            {
                tags.Add("error.type", error);
            }
            ConferencesMetrics.BusSent.Add(1, tags);
            ConferencesMetrics.BusDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
