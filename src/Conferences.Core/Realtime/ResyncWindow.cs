namespace Conferences.Core.Realtime;

// Events of a scope that arrived during its resync search (docs/architecture.md, "Live conference state"); used under
// the state's write lock.
internal sealed class ResyncWindow(string accountId, string? conferenceId)
{
    private readonly List<LiveEvent> events = [];

    public string AccountId { get; } = accountId;

    // Null for a whole-account resync.
    public string? ConferenceId { get; } = conferenceId;

    public IReadOnlyList<LiveEvent> Events => events;

    public bool Matches(LiveEvent e) =>
        string.Equals(e.AccountId, AccountId, StringComparison.Ordinal)
        && (ConferenceId is null || string.Equals(e.ConferenceId, ConferenceId, StringComparison.Ordinal));

    public void Record(LiveEvent e) => events.Add(e);
}
