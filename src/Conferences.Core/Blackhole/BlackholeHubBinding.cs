namespace Conferences.Core.Blackhole;

/// <summary>One <see cref="BlackholeEventHub"/> entry; joins and leaves take <see cref="Turn"/>, and a retired entry is
/// never reused (docs/websocket.md, "Bindings"). A conference's entry also holds its event window.</summary>
internal sealed class BlackholeHubBinding(string amqpBinding, string? conferenceId = null, ConferenceEventWindow? window = null)
{
    private volatile BlackholeHubMembership[] members = [];

    public string AmqpBinding { get; } = amqpBinding;

    public string? ConferenceId { get; } = conferenceId;

    public ConferenceEventWindow? Window { get; } = window;

    // Under Turn: when the last member left, and the timer that retires the entry if nobody joins meanwhile.
    private long idleSince;

    public ITimer? Expiry { get; private set; }

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

    // Under Turn; true, so a retiring predicate can clear.
    public bool Clear()
    {
        members = [];
        return true;
    }

    // Under Turn: (re)starts the idle clock; onExpiry checks again under Turn when it ran out.
    public void StartIdle(TimeProvider time, TimeSpan expiry, Func<BlackholeHubBinding, Task> onExpiry)
    {
        idleSince = time.GetTimestamp();
        Expiry ??= time.CreateTimer(_ => _ = onExpiry(this), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Expiry.Change(expiry, Timeout.InfiniteTimeSpan);
    }

    // Under Turn: true (the timer set for the rest) while the idle time since the latest leave has not run out.
    public bool WaitsLonger(TimeProvider time, TimeSpan expiry)
    {
        var rest = expiry - time.GetElapsedTime(idleSince);
        if (rest <= TimeSpan.Zero)
        {
            return false;
        }
        Expiry?.Change(rest, Timeout.InfiniteTimeSpan);
        return true;
    }
}
