using Conferences.Tests.Storage;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// Realtime data with API instances on RabbitMQ and the simulator in a host of its own (docs/compatibility.md D7, issue 6 item 5):
/// an instance started after the conference began learns it by resync, two instances agree, and a broker restart
/// leaves no stale or missing participants once everything has recovered.
/// </summary>
public sealed class RabbitMqRealtimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);
    private readonly TemporarySqliteFile database = new("conferences-rt");
    private readonly List<IAsyncDisposable> cleanup = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        database.Dispose();
    }

    [Fact]
    public async Task An_instance_started_after_the_conference_began_learns_it_by_resync_and_two_instances_agree()
    {
        var broker = Track(await TestBroker.SharedOrPrivateAsync());
        var (simulator, first) = await SimulatorAndApiAsync(broker.Url);
        var account = await first.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Early" });
        var adHoc = $"adhoc-{KazooIds.RandomHex(4)}";
        var alice = await JoinAsync(simulator, account, id, "alice");
        var bob = await JoinAsync(simulator, account, id, "bob");
        await JoinAsync(simulator, account, id, "boss", moderator: true);
        await JoinAsync(simulator, account, adHoc, "carl");
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 2, moderators: 1));

        // a second instance that heard none of those events
        var second = ApiOn(broker.Url);
        var late = await second.AuthenticateAsync(account.ApiKey);

        var learned = await LiveApi.GetUntilAsync(late, id, r => LiveApi.Counts(r, members: 2, moderators: 1));
        Assert.Equal(simulator.Control.FindConference(id)!.Conference.Uuid, learned.DataObject["_read_only"]!["uuid"]!.GetValue<string>());
        await LiveApi.GetUntilAsync(late, adHoc, r => LiveApi.Counts(r, members: 1, moderators: 0));

        await simulator.Control.SetTalkingAsync(alice, talking: true);
        await simulator.Control.RemoveParticipantAsync(bob);
        var dave = await JoinAsync(simulator, account, id, "dave");

        var expected = new[] { alice, dave, simulator.Control.FindConference(id)!.Participants.Single(p => p.CallerIdName == "boss").CallId }.Order(StringComparer.Ordinal);
        var seenByFirst = await ParticipantsAsync(account, id, expected, alice);
        var seenBySecond = await ParticipantsAsync(late, id, expected, alice);
        Assert.Equal(WithoutDuration(seenByFirst).ToJsonString(), WithoutDuration(seenBySecond).ToJsonString());
    }

    [Fact]
    public async Task A_broker_restart_leaves_no_stale_or_missing_participants_once_recovered()
    {
        var broker = Track(await TestBroker.PrivateAsync());
        var (simulator, api) = await SimulatorAndApiAsync(broker.Url);
        var (account, id) = await api.NewAccountWithConferenceAsync();
        var ended = await account.CreateConferenceIdAsync();
        var alice = await JoinAsync(simulator, account, id, "alice");
        var bob = await JoinAsync(simulator, account, id, "bob");
        var solo = await JoinAsync(simulator, account, ended, "solo");
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 2, moderators: 0));
        await LiveApi.GetUntilAsync(account, ended, r => LiveApi.Counts(r, members: 1, moderators: 0));

        await broker.StopAsync();
        // while the broker is away the simulator's events are lost: the API must learn these by resync
        await simulator.Control.RemoveParticipantAsync(bob);
        var carol = await JoinAsync(simulator, account, id, "carol");
        await simulator.Control.RemoveParticipantAsync(solo);
        await broker.StartAsync();

        await ParticipantsAsync(account, id, new[] { alice, carol }.Order(StringComparer.Ordinal), talking: null, Recovery);
        var idle = await LiveApi.GetUntilAsync(account, ended, r => r["participant_count"]!.GetValue<int>() == 0, Recovery);
        Assert.False(((JsonObject)idle.DataObject["_read_only"]!).ContainsKey("uuid"));
        (await account.GetAsync($"conferences/{ended}/participants")).ExpectStatus(HttpStatusCode.OK);
        Assert.Empty((await account.GetAsync($"conferences/{ended}/participants")).DataArray);

        // and the events flow again
        await simulator.Control.SetTalkingAsync(carol, talking: true);
        await ParticipantsAsync(account, id, new[] { alice, carol }.Order(StringComparer.Ordinal), talking: carol, Recovery);
    }

    /// <summary>The participants, polled until their call ids are <paramref name="callIds"/> and only <paramref name="talking"/> talks.</summary>
    private static async Task<JsonArray> ParticipantsAsync(TestAccount account, string id, IEnumerable<string> callIds, string? talking, TimeSpan? deadline = null)
    {
        var expected = callIds.ToList();
        var answer = await LiveApi.ParticipantsUntilAsync(account, id, participants =>
            LiveApi.CallIds(participants).SequenceEqual(expected)
            && participants.All(p => p!["talking"]?.GetValue<bool>() == (p["call_id"]!.GetValue<string>() == talking)), deadline);
        return answer.DataArray;
    }

    private static JsonArray WithoutDuration(JsonArray participants)
    {
        var copy = new JsonArray();
        foreach (var participant in participants.OfType<JsonObject>().OrderBy(p => p["call_id"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            var clone = (JsonObject)participant.DeepClone();
            clone.Remove("duration");
            copy.Add(clone);
        }
        return copy;
    }

    private static async Task<string> JoinAsync(SimulatorHost simulator, TestAccount account, string conferenceId, string name, bool moderator = false)
    {
        var member = await simulator.Control.AddParticipantAsync(new NewParticipant(conferenceId, account.Id)
        {
            CallerIdName = name,
            Flags = moderator ? ["is_moderator"] : [],
        });
        Assert.NotNull(member);
        return member.CallId;
    }

    // a media-server simulator and an API instance on the broker, both stopped with the test
    private async Task<(SimulatorHost Simulator, RealtimeRabbitMqApiFactory Api)> SimulatorAndApiAsync(string brokerUrl)
    {
        var simulator = Track(await SimulatorHost.StartAsync(brokerUrl));
        return (simulator, ApiOn(brokerUrl));
    }

    private RealtimeRabbitMqApiFactory ApiOn(string brokerUrl) => Track(new RealtimeRabbitMqApiFactory(brokerUrl, database.Path));

    private T Track<T>(T resource)
        where T : class
    {
        cleanup.Add(resource as IAsyncDisposable ?? new DisposeAdapter((IDisposable)resource));
        return resource;
    }

    private sealed class DisposeAdapter(IDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
