namespace Conferences.Core.Messaging;

/// <summary>What <c>/health</c> reports about the message bus.</summary>
public sealed record BusHealth(bool Healthy, string Provider, string Description);
