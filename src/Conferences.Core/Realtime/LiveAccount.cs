namespace Conferences.Core.Realtime;

/// <summary>One account's view of the live state (<see cref="ILiveConferences.AccountAsync"/>): lookups that never wait.</summary>
public sealed class LiveAccount(string accountId, Func<string, LiveConference?> find, Func<IReadOnlyList<LiveConference>> running)
{
    public string AccountId => accountId;

    public IReadOnlyList<LiveConference> Running => running();

    public LiveConference? Find(string conferenceId) => find(conferenceId);
}
