namespace Conferences.Core.Tests.Actions;

/// <summary>The live state as a test sets it: running conferences by account and id.</summary>
internal sealed class FakeLiveConferences : ILiveConferences
{
    private readonly ConcurrentDictionary<(string, string), LiveConference> running = new();

    public void Run(LiveConference conference) => running[(conference.AccountId, conference.ConferenceId)] = conference;

    public ValueTask<LiveConference?> FindAsync(string accountId, string conferenceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(running.GetValueOrDefault((accountId, conferenceId)));

    public ValueTask<IReadOnlyList<LiveConference>> RunningAsync(string accountId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<LiveConference>>([.. running.Values.Where(c => c.AccountId == accountId)]);

    public async ValueTask<LiveParticipant?> FindParticipantAsync(string accountId, string conferenceId, long participantId, CancellationToken cancellationToken) =>
        (await FindAsync(accountId, conferenceId, cancellationToken))?.FindParticipant(participantId);

    /// <summary>A running conference of <paramref name="accountId"/> with these members.</summary>
    public static LiveConference Conference(string accountId, string conferenceId, params LiveParticipant[] participants) => new()
    {
        AccountId = accountId,
        ConferenceId = conferenceId,
        Uuid = "e5f6a7b8-0000-4000-8000-000000000001",
        StartTime = 63_880_000_000,
        SwitchHostname = "fs1.example.com",
        Participants = participants,
    };

    /// <summary>A member whose <c>Conference-Channel-Vars</c> are <paramref name="vars"/> (wire keys, e.g. <c>{"Is-Moderator":false,"Speak":true}</c>).</summary>
    public static LiveParticipant Participant(long id, string vars) =>
        new(id, $"call-{id}", 63_880_000_010, $"Caller {id}", $"100{id}", LiveChannelVars.From(JsonNode.Parse(vars)!.AsObject()), null, null);
}
