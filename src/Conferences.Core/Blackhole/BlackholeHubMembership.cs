namespace Conferences.Core.Blackhole;

/// <summary>
/// One session's hold on a <see cref="BlackholeEventHub"/> binding; disposing it (once; later calls do nothing)
/// leaves the binding, and the last to leave ends the bus subscription before the call returns.
/// </summary>
internal sealed class BlackholeHubMembership(BlackholeEventHub hub, BlackholeHubBinding binding, Action<BlackholeEvent> receiver)
    : IAsyncDisposable
{
    private int left;

    public BlackholeHubBinding Binding { get; } = binding;

    public Action<BlackholeEvent> Receiver { get; } = receiver;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref left, 1) == 0 ? hub.LeaveAsync(this) : ValueTask.CompletedTask;
}
