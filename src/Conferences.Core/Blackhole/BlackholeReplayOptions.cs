namespace Conferences.Core.Blackhole;

/// <summary>The per-conference event window behind <c>since</c> (the API binds it from <c>Websocket:Replay…</c>;
/// docs/websocket.md).</summary>
public sealed record BlackholeReplayOptions
{
    /// <summary>Events held per conference; a cursor older than the window gets a snapshot.</summary>
    public int Events { get; init; } = 256;

    /// <summary>How long a conference's queue and window outlive its last socket, so a client that reconnects within
    /// it misses nothing; zero ends them with the last socket.</summary>
    public TimeSpan IdleExpiry { get; init; } = TimeSpan.FromMinutes(5);
}
