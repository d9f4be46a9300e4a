using Conferences.Core.Storage;
using Conferences.Core.Actions.Applied;
using Microsoft.Extensions.Options;
using Conferences.Tests.Time;

namespace Conferences.Core.Tests.Actions;

/// <summary>
/// The conference and participant actions over the embedded store, the watched in-process bus (it keeps what is
/// published) and the real live state, running what the test runs.
/// </summary>
internal sealed class ActionHarness
{
    public const string AccountId = DialHarness.AccountId;
    public const string StoredId = "stored-room";
    public const string BusyRoom = "busy-room";
    public ActionHarness()
    {
        StoredRevision = Store.PutInAccount(AccountId, new JsonObject
        {
            ["_id"] = StoredId,
            ["name"] = "Stored room",
            ["pvt_type"] = "conference",
        });
        Lookup = LookupOver(Store, Live.Readers);
        Applied = Confirmation(Events, AppliedTimeout, Timeouts);
        Control = new ConferenceControl(Lookup, Commands(Bus), new RecordingNames(TimeProvider.System), Applied);
        Participants = new ParticipantActions(Lookup, new BulkParticipantActions(Commands(Bus), Applied), Commands(Bus), new ParticipantRelation(Commands(Bus), KazooSchemaValidator.LoadEmbedded()), Applied);
    }

    /// <summary>Long, so a slow machine never times out a confirmation a test waits for; a test that expects the timeout holds <see cref="Timeouts"/> instead.</summary>
    public static readonly TimeSpan AppliedTimeout = TimeSpan.FromSeconds(30);

    public EmbeddedStore Store { get; } = new();

    /// <summary>The clock of the <c>wait=applied</c> timeout: real time unless the test holds it.</summary>
    public TimeoutClock Timeouts { get; } = new();

    /// <summary>The revision the store gave the stored conference.</summary>
    public string StoredRevision { get; }

    /// <summary>The live state whose applied events confirm <c>wait=applied</c> actions.</summary>
    public LiveConferenceState Events { get; } = new();

    public AppliedConfirmation Applied { get; }

    public RunningConferences Live { get; } = new();

    public ObservedBus Bus { get; } = new();

    public ConferenceLookup Lookup { get; }

    public ConferenceControl Control { get; }

    public ParticipantActions Participants { get; }

    /// <summary>What the dial tests' <see cref="ConferenceActions"/> needs beside dial: nothing running, a bus of its own.</summary>
    public static ConferenceActions ActionsOver(ConferenceLookup lookup, DialService dial) =>
        new(lookup, dial, new ConferenceControl(lookup, Commands(new ObservedBus()), new RecordingNames(TimeProvider.System), Confirmation(new())), Confirmation(new()));

    public static AppliedConfirmation Confirmation(LiveConferenceState events, TimeSpan? timeout = null, TimeProvider? clock = null) =>
        new(new AppliedWaiter(events, Options.Create(new AppliedWaitOptions { AppliedTimeout = timeout ?? TimeSpan.FromSeconds(5) }), clock ?? TimeProvider.System));

    public static ConferenceCommands Commands(IKapiPublisher bus) =>
        new(bus, Options.Create(new DialOptions { NodeName = "crossbar@test" }));

    /// <summary>
    /// The members of <see cref="BusyRoom"/>: 1 speaks and hears, 2 does neither, 3 is the moderator, 4 has no moderator
    /// flag, 5 speaks but does not hear.
    /// </summary>
    public static LiveParticipant[] BusyRoomMembers =>
    [
        RunningConferences.Participant(1, """{"Is-Moderator":false,"Speak":true,"Hear":true}"""),
        RunningConferences.Participant(2, """{"Is-Moderator":false,"Speak":false,"Hear":false}"""),
        RunningConferences.Participant(3, """{"Is-Moderator":true,"Speak":true,"Hear":true}"""),
        RunningConferences.Participant(4, """{"Speak":true,"Hear":true}"""),
        RunningConferences.Participant(5, """{"Is-Moderator":false,"Speak":true,"Hear":false}"""),
    ];

    /// <summary>Runs <paramref name="conferenceId"/> with these members in the test account.</summary>
    public LiveConference Run(string conferenceId, params LiveParticipant[] participants)
    {
        var conference = RunningConferences.Conference(AccountId, conferenceId, participants);
        Live.Run(conference);
        return conference;
    }

    public static CrossbarContext Context(string envelope, Dictionary<string, string>? query = null)
    {
        var parsed = JsonNode.Parse(envelope)!.AsObject();
        var data = parsed["data"]?.DeepClone();
        parsed.Remove("data");
        return DialHarness.Context(data, parsed, query);
    }

    public static async Task<CrossbarException> FailsAsync(Func<Task> action) => await Assert.ThrowsAsync<CrossbarException>(action);

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected} but got {actual?.ToJsonString()}");

    public static ConferenceLookup LookupOver(IDocumentStore store, ILiveConferences live) =>
        new(new ConferenceStore(store), live, KazooSchemaValidator.LoadEmbedded());
}
