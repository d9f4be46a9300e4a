using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// Account resyncs (docs/compatibility.md D7): the first read of an account awaits one, a reconnection or a joining
/// media manager starts a new generation and sweeps the known accounts.
/// </summary>
public sealed class LiveAccountResyncTests : LiveConferenceFeedHarness
{
    [Fact]
    public async Task The_first_read_of_an_account_awaits_its_resync_and_later_reads_cost_nothing()
    {
        Media.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ($"{id}-call", 1, false))]
            : [AccountSearchResp(Msg(search), Account, "room-1", "room-2")];

        var found = await Live.FindAsync(Account, "room-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("room-1-call", Assert.Single(found.Participants).CallId);
        Assert.Equal(["room-1", "room-2"], (await Live.RunningAsync(Account, CancellationToken.None)).Select(c => c.ConferenceId).Order(StringComparer.Ordinal));
        Assert.Single(Media.AccountSearches);
        Assert.Equal(Account, KazooJson.GetString(Media.AccountSearches.Single(), "Account-ID"));
        Assert.Equal(2, Media.ConferenceSearches.Count());
        Assert.True((await Live.FindParticipantAsync(Account, "room-2", 1, CancellationToken.None))?.CallId == "room-2-call");
        var account = await Live.AccountAsync(Account, CancellationToken.None);
        Assert.NotNull(account.Find("room-2"));
        Assert.Null(account.Find("room-3"));
        Assert.Single(Media.AccountSearches);
    }

    [Fact]
    public async Task An_account_search_that_finds_nothing_removes_stale_conferences()
    {
        await Media.DeliverAsync(ConferenceEvent("conference-create"));
        Media.Answer = search => [AccountSearchResp(Msg(search), Account)];

        Assert.Null(await Live.FindAsync(Account, Conference, CancellationToken.None));
    }

    [Fact]
    public async Task With_no_media_manager_reads_publish_nothing_and_serve_the_events_state()
    {
        await Media.LeaveAsync(Manager);
        await Media.DeliverAsync(ConferenceEvent("conference-create"));

        Assert.NotNull(await Live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.NotNull(await Live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.Empty(Media.Searches);
        Assert.False(Scheduler.IsSynced(Account));
    }

    [Fact]
    public async Task An_account_search_a_manager_leaves_unanswered_serves_readers_and_is_repeated_in_the_background()
    {
        await Media.DeliverAsync(ConferenceEvent("conference-create"));
        Media.TimesOut = true;

        Assert.NotNull(await Live.FindAsync(Account, Conference, CancellationToken.None));

        Assert.True(Scheduler.IsSynced(Account));
        Assert.NotNull(await Live.FindAsync(Account, Conference, CancellationToken.None));
        Assert.Single(Media.AccountSearches);
        Media.TimesOut = false;
        Media.Answer = search => [AccountSearchResp(Msg(search), Account)];
        await UntilAsync(() => State.Find(Account, Conference) is null);
        Assert.Equal(2, Media.AccountSearches.Count());
    }

    [Fact]
    public async Task A_reconnection_resynchronises_every_known_account_in_the_background()
    {
        Media.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ("still-here", 1, false))]
            : [AccountSearchResp(Msg(search), Account, Conference)];
        await Live.FindAsync(Account, Conference, CancellationToken.None);
        // while disconnected: a participant joined and we never heard of it
        Media.Answer = search => KazooJson.GetString(search, "Conference-ID") is { } id
            ? [SearchResp(Msg(search), id, Instance, 63_900_000_000, false, ("still-here", 1, false), ("joined-while-away", 2, false))]
            : [AccountSearchResp(Msg(search), Account, Conference)];
        var generation = Scheduler.Generation;

        Bus.Reconnect();

        Assert.Equal(generation + 1, Scheduler.Generation);
        await UntilAsync(() => State.Find(Account, Conference)?.ParticipantCount == 2);
        Assert.Equal(2, Media.AccountSearches.Count());
    }

    [Fact]
    public async Task A_joining_media_manager_starts_a_new_generation()
    {
        Media.Answer = search => [AccountSearchResp(Msg(search), Account)];
        await Live.FindAsync(Account, Conference, CancellationToken.None);
        Assert.True(Scheduler.IsSynced(Account));

        await Media.JoinAsync("ecallmgr@new-manager");

        Assert.False(Scheduler.IsSynced(Account));
        await UntilAsync(() => Media.AccountSearches.Count() == 2);
    }
}
