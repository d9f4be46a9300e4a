using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using Conferences.Core.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// The feed and its resyncs (docs/compatibility.md D7): inconsistent events trigger a conference search, the first read of an
/// account awaits an account resync, a reconnection or a joining media manager starts a new generation and sweeps
/// the known accounts; a search that proves nothing changes nothing.
/// </summary>
public sealed class LiveConferenceFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeBus bus = new();
    private readonly LiveConferenceState state = new();
    private readonly LiveSyncScheduler scheduler;
    private readonly LiveConferenceFeed feed;
    private readonly LiveConferences live;

    public LiveConferenceFeedTests()
    {
        var sync = new LiveConferenceSync(state, new MediaManagerDiscovery(bus, bus), TimeProvider.System, NullLogger<LiveConferenceSync>.Instance);
        scheduler = new LiveSyncScheduler(state, sync, TimeProvider.System, NullLogger<LiveSyncScheduler>.Instance);
        feed = new LiveConferenceFeed(state, scheduler, bus, bus, bus, TimeProvider.System, NullLogger<LiveConferenceFeed>.Instance);
        live = new LiveConferences(state, scheduler);
    }

    public Task InitializeAsync() => feed.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await feed.DisposeAsync();

    [Fact]
    public async Task Consistent_events_cost_no_search()
    {
        await bus.DeliverAsync(ConferenceEvent("conference-create"));
        await bus.DeliverAsync(ConferenceEvent("lock"));
        await bus.DeliverAsync(ConferenceEvent("unlock"));
        await bus.DeliverAsync(ConferenceEvent("conference-destroy"));

        await Task.Delay(200);
        Assert.Empty(bus.Searches);
    }

    [Fact]
    public async Task A_join_is_completed_by_one_conference_search_and_member_updates_cost_none()
    {
        bus.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, false, ("call-a", 1, false))];
        await bus.DeliverAsync(ConferenceEvent("conference-create"));
        await bus.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => state.Find(Account, Conference)?.FindCall("call-a")?.CustomApplicationVars is not null);
        var member = state.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.Equal(63_900_000_001, member.JoinTime);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());

        await bus.DeliverAsync(MemberEvent("start-talking", "call-a", 1, talking: true));
        await bus.DeliverAsync(MemberEvent("mute-member", "call-a", 1, speak: false, talking: true));
        await Task.Delay(200);
        Assert.Single(bus.ConferenceSearches);
        member = state.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.True(member.ChannelVars.Talking);
        Assert.False(member.ChannelVars.Speak);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());
    }

    [Fact]
    public async Task A_member_event_of_an_unknown_conference_triggers_a_conference_search_that_fills_in_the_rest()
    {
        bus.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, true, ("earlier", 1, true), ("call-b", 2, false))];

        await bus.DeliverAsync(MemberEvent("add-member", "call-b", 2));

        await UntilAsync(() => state.Find(Account, Conference)?.ParticipantCount == 2);
        var search = Assert.Single(bus.ConferenceSearches);
        Assert.Equal("search_req", KazooJson.GetString(search, "Event-Name"));
        Assert.Equal(Conference, KazooJson.GetString(search, "Conference-ID"));
        Assert.True(state.Find(Account, Conference)!.IsLocked);
        Assert.Equal(63_900_000_000, state.Find(Account, Conference)!.StartTime);
    }

    [Fact]
    public async Task Del_member_of_an_unknown_call_triggers_a_search_that_can_end_the_conference()
    {
        await bus.DeliverAsync(ConferenceEvent("conference-create"));
        bus.Answer = search => [NotFound(Msg(search), Conference)];

        await bus.DeliverAsync(MemberEvent("del-member", "never-seen", 5));

        await UntilAsync(() => state.Find(Account, Conference) is null);
        Assert.Single(bus.ConferenceSearches);
    }

    [Fact]
    public async Task A_search_nobody_answers_leaves_the_state_the_events_built()
    {
        bus.TimesOut = true;

        await bus.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => bus.ConferenceSearches.Any());
        await Task.Delay(100);
        Assert.Equal("call-a", Assert.Single(state.Find(Account, Conference)!.Participants).CallId);
    }

    [Fact]
    public async Task The_first_read_of_an_account_awaits_its_resync_and_later_reads_cost_nothing()
    {
        bus.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ($"{id}-call", 1, false))]
            : [AccountSearchResp(Msg(search), Account, "room-1", "room-2")];

        var found = await live.FindAsync(Account, "room-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("room-1-call", Assert.Single(found.Participants).CallId);
        Assert.Equal(["room-1", "room-2"], (await live.RunningAsync(Account, CancellationToken.None)).Select(c => c.ConferenceId).Order(StringComparer.Ordinal));
        Assert.Single(bus.AccountSearches);
        Assert.Equal(Account, KazooJson.GetString(bus.AccountSearches.Single(), "Account-ID"));
        Assert.Equal(2, bus.ConferenceSearches.Count());
        Assert.True((await live.FindParticipantAsync(Account, "room-2", 1, CancellationToken.None))?.CallId == "room-2-call");
        var account = await live.AccountAsync(Account, CancellationToken.None);
        Assert.NotNull(account.Find("room-2"));
        Assert.Null(account.Find("room-3"));
        Assert.Single(bus.AccountSearches);
    }

    [Fact]
    public async Task An_account_search_that_finds_nothing_removes_stale_conferences()
    {
        await bus.DeliverAsync(ConferenceEvent("conference-create"));
        bus.Answer = search => [AccountSearchResp(Msg(search), Account)];

        Assert.Null(await live.FindAsync(Account, Conference, CancellationToken.None));
    }

    [Fact]
    public async Task With_no_media_manager_reads_publish_nothing_and_serve_the_events_state()
    {
        bus.ManagerCount = 0;
        await bus.DeliverAsync(ConferenceEvent("conference-create"));

        Assert.NotNull(await live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.NotNull(await live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.Empty(bus.Searches);
        Assert.False(scheduler.IsSynced(Account));
    }

    [Fact]
    public async Task An_account_search_a_manager_leaves_unanswered_serves_readers_and_is_repeated_in_the_background()
    {
        await bus.DeliverAsync(ConferenceEvent("conference-create"));
        bus.TimesOut = true;

        Assert.NotNull(await live.FindAsync(Account, Conference, CancellationToken.None));

        Assert.True(scheduler.IsSynced(Account));
        Assert.NotNull(await live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.Single(bus.AccountSearches);
        bus.TimesOut = false;
        bus.Answer = search => [AccountSearchResp(Msg(search), Account)];
        await UntilAsync(() => state.Find(Account, Conference) is null);
        Assert.Equal(2, bus.AccountSearches.Count());
    }

    [Fact]
    public async Task A_reconnection_resynchronises_every_known_account_in_the_background()
    {
        bus.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ("still-here", 1, false))]
            : [AccountSearchResp(Msg(search), Account, Conference)];
        await live.FindAsync(Account, Conference, CancellationToken.None);
        // while disconnected: a participant joined and we never heard of it
        bus.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ("still-here", 1, false), ("joined-while-away", 2, false))]
            : [AccountSearchResp(Msg(search), Account, Conference)];
        var generation = scheduler.Generation;

        bus.Reconnect();

        Assert.Equal(generation + 1, scheduler.Generation);
        await UntilAsync(() => state.Find(Account, Conference)?.ParticipantCount == 2);
        Assert.Equal(2, bus.AccountSearches.Count());
    }

    [Fact]
    public async Task A_joining_media_manager_starts_a_new_generation()
    {
        bus.Answer = search => [AccountSearchResp(Msg(search), Account)];
        await live.FindAsync(Account, Conference, CancellationToken.None);
        Assert.True(scheduler.IsSynced(Account));

        bus.Join("ecallmgr@new-manager");

        Assert.False(scheduler.IsSynced(Account));
        await UntilAsync(() => bus.AccountSearches.Count() == 2);
    }

    private static string Msg(JsonObject search) => KazooJson.GetString(search, "Msg-ID")!;

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
