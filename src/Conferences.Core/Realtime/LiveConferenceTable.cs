namespace Conferences.Core.Realtime;

/// <summary>
/// The conferences by account and conference id, with the strings that repeat on every event (account ids, switch
/// names and addresses) interned. Readers need no lock; <see cref="LiveConferenceState"/> serialises the writers.
/// </summary>
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
