namespace Conferences.Core.Blackhole;

/// <summary>Limits of one websocket session (the API binds them from its <c>Websocket</c> section).</summary>
public sealed record BlackholeSessionOptions
{
    /// <summary>Bindings one connection may hold at once; Kazoo has no such limit (docs/compatibility.md).</summary>
    public int MaxBindings { get; init; } = 100;
}
