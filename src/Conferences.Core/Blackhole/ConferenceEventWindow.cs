namespace Conferences.Core.Blackhole;

/// <summary>The latest events of one conference, for <c>since</c> replays (docs/websocket.md, "Cursors"); thread-safe.
/// Events after <see cref="floor"/> are all held, so a cursor at or above it is replayable.</summary>
internal sealed class ConferenceEventWindow
{
    private readonly Lock gate = new();
    private readonly BlackholeEvent[] ring;
    private int start;
    private int count;
    private long floor;
    private BlackholeEvent? newest;

    /// <param name="floor">the instance's sequence number when the window opened: older cursors name events it missed.</param>
    public ConferenceEventWindow(int capacity, long floor)
    {
        ring = new BlackholeEvent[capacity];
        this.floor = floor;
    }

    public void Append(BlackholeEvent evt)
    {
        lock (gate)
        {
            newest = evt;
            if (ring.Length == 0)
            {
                floor = evt.Sequence;
                return;
            }
            if (count == ring.Length)
            {
                floor = ring[start].Sequence;
                ring[start] = evt;
                start = (start + 1) % ring.Length;
                return;
            }
            ring[(start + count) % ring.Length] = evt;
            count++;
        }
    }

    /// <summary>The events after <paramref name="since"/> that <paramref name="filter"/> takes, oldest first, through
    /// the newest held, or null when some may be gone (or <paramref name="since"/> names no event of this window).</summary>
    public (List<BlackholeEvent> Events, long Through)? After(long since, ConferenceEventFilter filter)
    {
        lock (gate)
        {
            if (since < floor || since > NewestUnlocked())
            {
                return null;
            }
            var found = new List<BlackholeEvent>();
            for (var i = 0; i < count; i++)
            {
                var evt = ring[(start + i) % ring.Length];
                if (evt.Sequence > since && filter.Matches(evt))
                {
                    found.Add(evt);
                }
            }
            return (found, NewestUnlocked());
        }
    }

    /// <summary>The newest event held (what a snapshot taken now follows), or null when none is.</summary>
    public BlackholeEvent? Newest()
    {
        lock (gate)
        {
            return newest;
        }
    }

    private long NewestUnlocked() => newest?.Sequence ?? floor;
}
