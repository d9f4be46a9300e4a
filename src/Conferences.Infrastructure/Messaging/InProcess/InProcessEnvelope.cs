namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>A message as it travels through the embedded bus: where it was published and its JSON bytes.</summary>
internal readonly record struct InProcessEnvelope(string Exchange, string RoutingKey, byte[] Body);
