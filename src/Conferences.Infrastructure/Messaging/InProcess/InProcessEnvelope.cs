namespace Conferences.Infrastructure.Messaging.InProcess;

internal readonly record struct InProcessEnvelope(string Exchange, string RoutingKey, byte[] Body, string? TraceParent = null, string? TraceState = null);
