namespace Conferences.Core.Tests.Actions;

/// <summary>
/// The real live state and its readers with no media manager to ask: a resync finds nobody and changes nothing, so the
/// conferences a test runs are what the readers see, as after a search that found them.
/// </summary>
internal sealed class RunningConferences
{
    public RunningConferences()
    {
        var bus = new ObservedBus();
        var nobody = new MediaManagerDirectory(bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        var requester = new KapiRequester(bus, bus, TimeProvider.System, NullLogger<KapiRequester>.Instance);
        var sync = new LiveConferenceSync(State, new MediaManagerDiscovery(requester, nobody), TimeProvider.System, NullLogger<LiveConferenceSync>.Instance);
        Readers = new LiveConferences(State, new LiveSyncScheduler(State, sync, TimeProvider.System, NullLogger<LiveSyncScheduler>.Instance));
    }

    public LiveConferenceState State { get; } = new();

    public LiveConferences Readers { get; }

    /// <summary>Puts <paramref name="conference"/> in the state as a conference search that found it does.</summary>
    public void Run(LiveConference conference) =>
        State.ReplaceConference(State.OpenWindow(conference.AccountId, conference.ConferenceId), conference);

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
