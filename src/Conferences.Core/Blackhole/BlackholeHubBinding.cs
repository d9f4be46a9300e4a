namespace Conferences.Core.Blackhole;

/// <summary>One <see cref="BlackholeEventHub"/> entry; joins and leaves take <see cref="Turn"/>, and a retired entry is
/// never reused (docs/websocket.md, "Bindings").</summary>
internal sealed class BlackholeHubBinding(string amqpBinding)
{
    private volatile BlackholeHubMembership[] members = [];

    public string AmqpBinding { get; } = amqpBinding;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    // Set once the first member's subscribe succeeded; cleared when the entry retires. Under Turn.
    public IKapiSubscription? Subscription { get; set; }

    // Under Turn.
    public bool Retired { get; set; }

    // Under Turn.
    public IKapiSubscription? TakeSubscription()
    {
        var subscription = Subscription;
        Subscription = null;
        return subscription;
    }

    public IReadOnlyList<BlackholeHubMembership> Members => members;

    // Under Turn; the member list is replaced, never changed in place, so deliveries read it without a lock.
    public void Add(BlackholeHubMembership member) => members = [.. members, member];

    // Under Turn; false when member was not a member (any more).
    public bool Remove(BlackholeHubMembership member)
    {
        var current = members;
        if (Array.IndexOf(current, member) < 0)
        {
            return false;
        }
        members = [.. current.Where(m => m != member)];
        return true;
    }

    // Under Turn.
    public void Clear() => members = [];
}
