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
        await Bus.DeliverAsync(ConferenceEvent("conference-create"));
        await Bus.DeliverAsync(ConferenceEvent("lock"));
        await Bus.DeliverAsync(ConferenceEvent("unlock"));
        await Bus.DeliverAsync(ConferenceEvent("conference-destroy"));

        await Task.Delay(200);
        Assert.Empty(Bus.Searches);
    }

    [Fact]
    public async Task A_join_is_completed_by_one_conference_search_and_member_updates_cost_none()
    {
        Bus.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, false, ("call-a", 1, false))];
        await Bus.DeliverAsync(ConferenceEvent("conference-create"));
        await Bus.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => State.Find(Account, Conference)?.FindCall("call-a")?.CustomApplicationVars is not null);
        var member = State.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.Equal(63_900_000_001, member.JoinTime);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());

        await Bus.DeliverAsync(MemberEvent("start-talking", "call-a", 1, talking: true));
        await Bus.DeliverAsync(MemberEvent("mute-member", "call-a", 1, speak: false, talking: true));
        await Task.Delay(200);
        Assert.Single(Bus.ConferenceSearches);
        member = State.Find(Account, Conference)!.FindCall("call-a")!;
        Assert.True(member.ChannelVars.Talking);
        Assert.False(member.ChannelVars.Speak);
        Assert.Equal("""{"origin":"search"}""", member.CustomApplicationVars!.ToString());
    }

    [Fact]
    public async Task A_member_event_of_an_unknown_conference_triggers_a_conference_search_that_fills_in_the_rest()
    {
        Bus.Answer = search => [SearchResp(Msg(search), Conference, Instance, 63_900_000_000, true, ("earlier", 1, true), ("call-b", 2, false))];

        await Bus.DeliverAsync(MemberEvent("add-member", "call-b", 2));

        await UntilAsync(() => State.Find(Account, Conference)?.ParticipantCount == 2);
        var search = Assert.Single(Bus.ConferenceSearches);
        Assert.Equal("search_req", KazooJson.GetString(search, "Event-Name"));
        Assert.Equal(Conference, KazooJson.GetString(search, "Conference-ID"));
        Assert.True(State.Find(Account, Conference)!.IsLocked);
        Assert.Equal(63_900_000_000, State.Find(Account, Conference)!.StartTime);
    }

    [Fact]
    public async Task Del_member_of_an_unknown_call_triggers_a_search_that_can_end_the_conference()
    {
        await Bus.DeliverAsync(ConferenceEvent("conference-create"));
        Bus.Answer = search => [NotFound(Msg(search), Conference)];

        await Bus.DeliverAsync(MemberEvent("del-member", "never-seen", 5));

        await UntilAsync(() => State.Find(Account, Conference) is null);
        Assert.Single(Bus.ConferenceSearches);
    }

    [Fact]
    public async Task A_search_nobody_answers_leaves_the_state_the_events_built()
    {
        Bus.TimesOut = true;

        await Bus.DeliverAsync(MemberEvent("add-member", "call-a", 1));

        await UntilAsync(() => Bus.ConferenceSearches.Any());
        await Task.Delay(100);
        Assert.Equal("call-a", Assert.Single(State.Find(Account, Conference)!.Participants).CallId);
    }
}
