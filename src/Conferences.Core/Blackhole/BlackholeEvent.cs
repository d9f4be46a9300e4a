namespace Conferences.Core.Blackhole;

/// <summary>One delivery, rendered once by <see cref="BlackholeEventHub"/>; each session frames <see cref="Data"/>
/// itself. Conference events carry their <see cref="Cursor"/>; command deliveries have none.</summary>
public sealed record BlackholeEvent(string? Name, string RoutingKey, ReadOnlyMemory<byte> Data)
{
    /// <summary>The instance's sequence number of a conference event (0 for a command).</summary>
    public long Sequence { get; init; }

    public string? Cursor { get; init; }

    /// <summary>The routing key's account and call words (<c>conference.event.{event}.{account}.{conf}.{call}</c>).</summary>
    public string? AccountWord { get; init; }

    public string? CallWord { get; init; }
}
