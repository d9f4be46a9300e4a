namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>
/// A message as it travels through the embedded bus: where it was published, its JSON bytes and the publishing span's
/// W3C trace context (what RabbitMQ carries in headers, docs/amqp.md).
/// </summary>
internal readonly record struct InProcessEnvelope(string Exchange, string RoutingKey, byte[] Body, string? TraceParent = null, string? TraceState = null);
