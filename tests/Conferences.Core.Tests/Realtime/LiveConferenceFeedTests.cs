using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// The feed and its conference resyncs (docs/compatibility.md D7): inconsistent events trigger a conference search; a
/// search that proves nothing changes nothing. Account resyncs are in <see cref="LiveAccountResyncTests"/>.
/// </summary>
public sealed class LiveConferenceFeedTests : LiveConferenceFeedHarness
{
    [Fact]
    public async Task Consistent_events_cost_no_search()
    {
        await Media.DeliverAsync(ConferenceEvent("conference-create"));
        await Media.DeliverAsync(ConferenceEvent("lock"));
        await Media.DeliverAsync(ConferenceEvent("unlock"));
        await Media.DeliverAsync(ConferenceEvent("conference-destroy"));

        await Task.Delay(200);
        Assert.Empty(Media.Searches);
    }

    [Fact]
    public async Task A_join_is_completed_by_one_conference_search_and_member_updates_cost_none()
    {
        Media.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, false, ("call-a", 1, false))];
        await Media.DeliverAsync(ConferenceEvent("conference-create"));
        await Media.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => State.Find(Account, Conference)?.FindCall("call-a")?.CustomApplicationVars is not null);
        var member = State.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.Equal(63_900_000_001, member.JoinTime);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());

        await Media.DeliverAsync(MemberEvent("start-talking", "call-a", 1, talking: true));
        await Media.DeliverAsync(MemberEvent("mute-member", "call-a", 1, speak: false, talking: true));
        await Task.Delay(200);
        Assert.Single(Media.ConferenceSearches);
        member = State.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.True(member.ChannelVars.Talking);
        Assert.False(member.ChannelVars.Speak);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());
    }

    [Fact]
    public async Task A_member_event_of_an_unknown_conference_triggers_a_conference_search_that_fills_in_the_rest()
    {
        Media.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, true, ("earlier", 1, true), ("call-b", 2, false))];

        await Media.DeliverAsync(MemberEvent("add-member", "call-b", 2));

        await UntilAsync(() => State.Find(Account, Conference)?.ParticipantCount == 2);
        var search = Assert.Single(Media.ConferenceSearches);
        Assert.Equal("search_req", KazooJson.GetString(search, "Event-Name"));
        Assert.Equal(Conference, KazooJson.GetString(search, "Conference-ID"));
        Assert.True(State.Find(Account, Conference)!.IsLocked);
        Assert.Equal(63_900_000_000, State.Find(Account, Conference)!.StartTime);
    }

    [Fact]
    public async Task Del_member_of_an_unknown_call_triggers_a_search_that_can_end_the_conference()
    {
        await Media.DeliverAsync(ConferenceEvent("conference-create"));
        Media.Answer = search => [NotFound(Msg(search), Conference)];

        await Media.DeliverAsync(MemberEvent("del-member", "never-seen", 5));

        await UntilAsync(() => State.Find(Account, Conference) is null);
        Assert.Single(Media.ConferenceSearches);
    }

    [Fact]
    public async Task A_search_nobody_answers_leaves_the_state_the_events_built()
    {
        Media.TimesOut = true;

        await Media.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => Media.ConferenceSearches.Any());
        await Task.Delay(100);
        Assert.Equal("call-a", Assert.Single(State.Find(Account, Conference)!.Participants).CallId);
    }
}
