namespace Conferences.Core.Blackhole;

// Disposed once; the last member to leave ends the bus subscription before the call returns (a conference's only after
// the idle expiry, ADR 0016).
internal sealed class BlackholeHubMembership(
    BlackholeEventHub hub, BlackholeHubBinding binding, Action<BlackholeEvent> receiver, ConferenceEventFilter? filter) : IAsyncDisposable
{
    private int left;

    public BlackholeHubBinding Binding { get; } = binding;

    public Action<BlackholeEvent> Receiver { get; } = receiver;

    /// <summary>The member's share of its conference's events; null on a command binding.</summary>
    public ConferenceEventFilter? Filter { get; } = filter;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref left, 1) == 0 ? hub.LeaveAsync(this) : ValueTask.CompletedTask;
}
