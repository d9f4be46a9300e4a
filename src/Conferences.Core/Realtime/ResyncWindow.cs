namespace Conferences.Core.Realtime;

/// <summary>
/// The events of one account (or one conference) that arrived while a resync search was under way. The search
/// answers with the state of some moment after it was published; replaying these events in order over that answer
/// brings it up to date, because every event sets absolute state (the full channel vars, a lock value, a member in
/// or out): replaying one the answer already reflects changes nothing. Opened before the search is published,
/// used and closed under the live state's write lock.
/// </summary>
internal sealed class ResyncWindow(string accountId, string? conferenceId)
{
    private readonly List<LiveEvent> events = [];

    public string AccountId { get; } = accountId;

    /// <summary>Null for a whole-account resync.</summary>
    public string? ConferenceId { get; } = conferenceId;

    public IReadOnlyList<LiveEvent> Events => events;

    public bool Matches(LiveEvent e) =>
        string.Equals(e.AccountId, AccountId, StringComparison.Ordinal)
        && (ConferenceId is null || string.Equals(e.ConferenceId, ConferenceId, StringComparison.Ordinal));

    public void Record(LiveEvent e) => events.Add(e);
}
