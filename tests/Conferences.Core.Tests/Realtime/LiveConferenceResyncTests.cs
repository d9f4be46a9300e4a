using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// A resync replaces a conference or an account from a search and replays the events that arrived meanwhile; snapshots
/// taken before stay as they were.
/// </summary>
public sealed class LiveConferenceResyncTests : LiveConferenceStateHarness
{
    [Fact]
    public void A_conference_resync_replaces_the_conference_and_replays_the_events_that_arrived_meanwhile()
    {
        Start();
        State.Apply(Read(MemberEvent("add-member", "stale-call", 1)));
        var window = State.OpenWindow(Account, Conference);
        // arrived after the search was published: a member joined, and a searched member muted
        State.Apply(Read(MemberEvent("add-member", "new-call", 9), receivedAt: 63_900_000_900));
        State.Apply(Read(MemberEvent("mute-member", "searched-2", 2, speak: false)));
        var searched = LiveSearchResults.Conference([SearchResp("m", Conference, Instance, 63_900_000_000, true, ("searched-1", 1, true), ("searched-2", 2, false))],
            Account, Conference, 63_900_001_000)!;

        State.ReplaceConference(window, searched);

        var conference = State.Find(Account, Conference)!;
        Assert.True(conference.IsLocked);
        Assert.Equal(63_900_000_000, conference.StartTime);
        Assert.Equal("fs2.example.com", conference.SwitchHostname);
        Assert.Equal(["searched-1", "searched-2", "new-call"], conference.Participants.Select(p => p.CallId));
        Assert.Equal(63_900_000_900, conference.FindCall("new-call")!.JoinTime);
        Assert.False(conference.FindCall("searched-2")!.ChannelVars.Speak);
        Assert.Equal(63_900_000_002, conference.FindCall("searched-2")!.JoinTime);
        Assert.Equal("""{"origin":"search"}""", conference.FindCall("searched-1")!.CustomApplicationVars!.ToString());
    }

    [Fact]
    public void A_conference_resync_that_finds_nothing_removes_the_conference()
    {
        Start();
        var window = State.OpenWindow(Account, Conference);

        State.ReplaceConference(window, null);

        Assert.Null(State.Find(Account, Conference));
    }

    [Fact]
    public void A_complete_account_resync_replaces_the_accounts_conferences_and_keeps_other_accounts()
    {
        State.Apply(Read(ConferenceEvent("conference-create", conference: "gone")));
        State.Apply(Read(ConferenceEvent("conference-create", conference: "elsewhere", account: "other-account")));
        var window = State.OpenWindow(Account, null);
        State.Apply(Read(ConferenceEvent("conference-create", conference: "started-meanwhile")));
        var running = LiveSearchResults.Conference([SearchResp("m", "running", Instance, 63_900_000_000, false, ("c1", 1, false))], Account, "running", 63_900_000_500)!;

        State.ReplaceAccount(window, [running], complete: true);

        Assert.Equal(["running", "started-meanwhile"], State.RunningIn(Account).Select(c => c.ConferenceId).Order(StringComparer.Ordinal));
        Assert.NotNull(State.Find("other-account", "elsewhere"));
    }

    [Fact]
    public void An_incomplete_account_resync_keeps_what_it_could_not_disprove()
    {
        State.Apply(Read(ConferenceEvent("conference-create", conference: "maybe-elsewhere")));
        var window = State.OpenWindow(Account, null);

        State.ReplaceAccount(window, [], complete: false);

        Assert.NotNull(State.Find(Account, "maybe-elsewhere"));
    }

    [Fact]
    public void A_destroy_replayed_after_a_search_that_still_saw_the_conference_removes_it()
    {
        Start();
        var window = State.OpenWindow(Account, Conference);
        State.Apply(Read(MemberEvent("del-member", "searched-1", 1)));
        State.Apply(Read(ConferenceEvent("conference-destroy")));
        var searched = LiveSearchResults.Conference([SearchResp("m", Conference, Instance, 63_900_000_000, false, ("searched-1", 1, false))], Account, Conference, 63_900_000_010);

        State.ReplaceConference(window, searched);

        Assert.Null(State.Find(Account, Conference));
    }

    [Fact]
    public void Replaced_conferences_are_new_objects_and_old_snapshots_do_not_change()
    {
        Start();
        var before = State.Find(Account, Conference)!;

        State.Apply(Read(MemberEvent("add-member", "call-a", 1)));

        Assert.Empty(before.Participants);
        Assert.Single(State.Find(Account, Conference)!.Participants);
    }
}
