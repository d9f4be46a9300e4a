namespace Conferences.Core.Blackhole;

// Disposed once; the last member to leave ends the bus subscription before the call returns.
internal sealed class BlackholeHubMembership(BlackholeEventHub hub, BlackholeHubBinding binding, Action<BlackholeEvent> receiver)
    : IAsyncDisposable
{
    private int left;

    public BlackholeHubBinding Binding { get; } = binding;

    public Action<BlackholeEvent> Receiver { get; } = receiver;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref left, 1) == 0 ? hub.LeaveAsync(this) : ValueTask.CompletedTask;
}
