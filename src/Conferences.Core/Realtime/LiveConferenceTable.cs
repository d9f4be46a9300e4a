namespace Conferences.Core.Realtime;

// Repeated strings (account ids, switch names) interned; readers need no lock, LiveConferenceState serialises writers.
internal sealed class LiveConferenceTable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConference>> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> interned = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConference>> Accounts => accounts;

    public ConcurrentDictionary<string, LiveConference> Account(string accountId) =>
        accounts.GetOrAdd(Intern(accountId)!, static _ => new ConcurrentDictionary<string, LiveConference>(StringComparer.Ordinal));

    public LiveConference Interned(LiveConference conference) => conference with
    {
        AccountId = Intern(conference.AccountId)!,
        SwitchHostname = Intern(conference.SwitchHostname),
        SwitchUrl = Intern(conference.SwitchUrl),
        SwitchExternalIp = Intern(conference.SwitchExternalIp),
    };

    public LiveConference NewConference(LiveEvent e) => new()
    {
        AccountId = Intern(e.AccountId)!,
        ConferenceId = e.ConferenceId,
        Uuid = e.InstanceId,
        StartTime = e.ReceivedAt,
        SwitchHostname = Intern(e.SwitchHostname),
    };

    private string? Intern(string? value) => value is null ? null : interned.GetOrAdd(value, value);
}
