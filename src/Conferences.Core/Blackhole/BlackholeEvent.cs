namespace Conferences.Core.Blackhole;

/// <summary>One delivery, rendered once by <see cref="BlackholeEventHub"/>; each session frames <see cref="Data"/>
/// itself.</summary>
public sealed record BlackholeEvent(string AmqpBinding, string? Name, string RoutingKey, ReadOnlyMemory<byte> Data);
