namespace Conferences.Core.Realtime;

/// <summary>Fed by the events and corrected by resyncs; snapshots are replaced on every change, so readers never
/// lock.</summary>
public sealed class LiveConferenceState
{
    private readonly Lock writeGate = new();
    private readonly LiveConferenceTable table = new();
    private readonly List<ResyncWindow> windows = [];

    public LiveConference? Find(string accountId, string conferenceId) =>
        table.Accounts.TryGetValue(accountId, out var conferences) && conferences.TryGetValue(conferenceId, out var conference)
            ? conference
            : null;

    public IReadOnlyList<LiveConference> RunningIn(string accountId)
    {
        if (!table.Accounts.TryGetValue(accountId, out var conferences))
        {
            return [];
        }
        var running = new List<LiveConference>(conferences.Count);
        foreach (var (_, conference) in conferences)
        {
            running.Add(conference);
        }
        return running;
    }

    public IReadOnlyList<string> Accounts => [.. table.Accounts.Where(a => !a.Value.IsEmpty).Select(a => a.Key)];

    public int ConferenceCount => table.Accounts.Sum(a => a.Value.Count);

    public int ParticipantCount => table.Accounts.Sum(a => a.Value.Sum(c => c.Value.ParticipantCount));

    /// <summary>
    /// Raised after each event is taken in (outside the write lock), for the actions that wait for their confirmation
    /// (<c>wait=applied</c>); handlers must be quick and must not throw.
    /// </summary>
    public event Action<LiveEvent>? Applied;

    /// <summary>Applies one event; <see cref="LiveApplyOutcome.Inconsistent"/> asks for a resync of its conference.</summary>
    public LiveApplyOutcome Apply(LiveEvent e)
    {
        var outcome = ApplyLocked(e);
        if (outcome != LiveApplyOutcome.Ignored)
        {
            Applied?.Invoke(e);
        }
        return outcome;
    }

    private LiveApplyOutcome ApplyLocked(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (writeGate)
        {
            var outcome = LiveEventRules.Apply(table, e);
            if (windows.Count > 0 && outcome != LiveApplyOutcome.Ignored)
            {
                foreach (var window in windows)
                {
                    if (window.Matches(e))
                    {
                        window.Record(e);
                    }
                }
            }
            return outcome;
        }
    }

    // Call before the search is published.
    internal ResyncWindow OpenWindow(string accountId, string? conferenceId)
    {
        var window = new ResyncWindow(accountId, conferenceId);
        lock (writeGate)
        {
            windows.Add(window);
        }
        return window;
    }

    // A resync that learned nothing certain: the state stays as the events made it.
    internal void CloseWindow(ResyncWindow window)
    {
        lock (writeGate)
        {
            windows.Remove(window);
        }
    }

    // snapshot null: no media server runs it; the events that arrived meanwhile are replayed over it.
    internal void ReplaceConference(ResyncWindow window, LiveConference? snapshot)
    {
        var conferenceId = window.ConferenceId ?? throw new ArgumentException("not a conference window", nameof(window));
        lock (writeGate)
        {
            windows.Remove(window);
            var conferences = table.Account(window.AccountId);
            if (snapshot is null)
            {
                conferences.TryRemove(conferenceId, out _);
            }
            else
            {
                conferences[conferenceId] = table.Interned(snapshot with { AccountId = window.AccountId, ConferenceId = conferenceId });
            }
            Replay(window);
        }
    }

    // Conferences missing from an incomplete answer are kept: a silent media server may still run them.
    internal void ReplaceAccount(ResyncWindow window, IReadOnlyList<LiveConference> running, bool complete)
    {
        lock (writeGate)
        {
            windows.Remove(window);
            var conferences = table.Account(window.AccountId);
            if (complete)
            {
                var keep = running.Select(c => c.ConferenceId).ToHashSet(StringComparer.Ordinal);
                foreach (var (id, _) in conferences)
                {
                    if (!keep.Contains(id))
                    {
                        conferences.TryRemove(id, out _);
                    }
                }
            }
            foreach (var conference in running)
            {
                conferences[conference.ConferenceId] = table.Interned(conference with { AccountId = window.AccountId });
            }
            Replay(window);
        }
    }

    private void Replay(ResyncWindow window)
    {
        foreach (var e in window.Events)
        {
            LiveEventRules.Apply(table, e);
        }
    }
}
