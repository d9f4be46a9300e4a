namespace Conferences.Core.Blackhole;

/// <summary>
/// A <see cref="BlackholeEventHub"/> entry: one AMQP binding key, its bus subscription and the sessions holding it.
/// Joining and leaving take <see cref="Turn"/> (one at a time per key, so subscribe and dispose never interleave);
/// a retired entry (its last member left, or the hub shut down) is out of the hub's table and is never reused —
/// a session that was waiting for its turn starts over with a fresh entry. Deliveries read the member list without
/// a lock: it is replaced, never changed in place.
/// </summary>
internal sealed class BlackholeHubBinding(string amqpBinding)
{
    private volatile BlackholeHubMembership[] members = [];

    public string AmqpBinding { get; } = amqpBinding;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Set once the first member's subscribe succeeded; cleared when the entry retires. Under <see cref="Turn"/>.</summary>
    public IKapiSubscription? Subscription { get; set; }

    /// <summary>Under <see cref="Turn"/>.</summary>
    public bool Retired { get; set; }

    /// <summary>Under <see cref="Turn"/>: the subscription to end, now that the entry no longer holds it.</summary>
    public IKapiSubscription? TakeSubscription()
    {
        var subscription = Subscription;
        Subscription = null;
        return subscription;
    }

    public IReadOnlyList<BlackholeHubMembership> Members => members;

    /// <summary>Under <see cref="Turn"/>.</summary>
    public void Add(BlackholeHubMembership member) => members = [.. members, member];

    /// <summary>Under <see cref="Turn"/>; false when <paramref name="member"/> was not a member (any more).</summary>
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

    /// <summary>Under <see cref="Turn"/>.</summary>
    public void Clear() => members = [];
}
