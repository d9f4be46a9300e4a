namespace Conferences.Core.Tests.Actions;

/// <summary>A bus that keeps what is published (serialised and parsed back, as a consumer would see it), or fails.</summary>
internal sealed class RecordingPublisher : IKapiPublisher
{
    public ConcurrentQueue<(KapiExchange Exchange, string RoutingKey, JsonObject Message)> Published { get; } = new();

    /// <summary>When set, every publish throws it (a bus that is down).</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<JsonObject> Messages => [.. Published.Select(p => p.Message)];

    public Task PublishAsync(KapiExchange exchange, string routingKey, JsonObject message, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }
        Published.Enqueue((exchange, routingKey, JsonNode.Parse(message.ToJsonString())!.AsObject()));
        return Task.CompletedTask;
    }
}
