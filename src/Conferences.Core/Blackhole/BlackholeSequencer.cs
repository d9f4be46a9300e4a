namespace Conferences.Core.Blackhole;

/// <summary>Numbers conference events in one order per conference for the whole instance and answers where a
/// <c>since</c> resumes (docs/websocket.md, "Cursors").</summary>
internal sealed class BlackholeSequencer
{
    private long last;
    private long gap;

    /// <summary>Random per process start, so a cursor of another instance (or an earlier run) is never taken for ours.</summary>
    public string Instance { get; } = KazooIds.NewId();

    public long Last => Interlocked.Read(ref last);

    /// <summary>The bus came back after a loss: events numbered so far may have lost successors, so cursors up to now
    /// are answered with a snapshot (docs/websocket.md, "After a bus outage").</summary>
    public void MarkGap()
    {
        var through = Last;
        for (var seen = Interlocked.Read(ref gap); seen < through; seen = Interlocked.Read(ref gap))
        {
            if (Interlocked.CompareExchange(ref gap, through, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>The event of <paramref name="delivery"/>, rendered once; a conference's event is numbered and held.</summary>
    public BlackholeEvent Stamp(BlackholeHubBinding entry, KapiDelivery delivery)
    {
        var name = BlackholeEventFrame.EventName(delivery.Message);
        if (entry.Window is not { } window)
        {
            return new BlackholeEvent(delivery.RoutingKey, BlackholeEventFrame.RenderTail(name, delivery.RoutingKey, null, delivery.Message));
        }
        var sequence = Interlocked.Increment(ref last);
        var cursor = BlackholeCursor.Format(Instance, entry.ConferenceId!, sequence);
        var (account, call) = ConferenceEventFilter.WordsOf(delivery.RoutingKey);
        var evt = new BlackholeEvent(delivery.RoutingKey, BlackholeEventFrame.RenderTail(name, delivery.RoutingKey, cursor, delivery.Message))
        {
            Sequence = sequence,
            Cursor = cursor,
            AccountWord = account,
            CallWord = call,
        };
        window.Append(evt);
        return evt;
    }

    /// <summary>The held events after <paramref name="since"/> for the member, or a snapshot when they are not all
    /// held, a bus outage came after it, it is not this instance's cursor of the conference, or none is given.</summary>
    public BlackholeResume Resume(BlackholeHubMembership membership, BlackholeCursor? since)
    {
        var window = membership.Binding.Window!;
        var filter = membership.Filter!;
        if (since is { } cursor && cursor.Instance == Instance && cursor.ConferenceId == filter.ConferenceId
            && cursor.Sequence > Interlocked.Read(ref gap)
            && window.After(cursor.Sequence, filter) is { } replay)
        {
            return new BlackholeResume(filter.ConferenceId, replay.Events, replay.Through, null);
        }
        return BlackholeResume.Snapshot(filter.ConferenceId, window.Newest());
    }
}
