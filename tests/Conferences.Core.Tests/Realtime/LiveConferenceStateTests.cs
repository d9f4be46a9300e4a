using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>The live state follows every conference event kind (<c>ecallmgr_fs_conference_stream.erl</c>) and reports what does not fit.</summary>
public sealed class LiveConferenceStateTests : LiveConferenceStateHarness
{
    [Fact]
    public void Conference_create_starts_an_empty_unlocked_conference_at_the_arrival_time()
    {
        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(ConferenceEvent("conference-create"), receivedAt: 63_900_000_100)));

        var conference = State.Find(Account, Conference)!;
        Assert.Equal(Instance, conference.Uuid);
        Assert.Equal(63_900_000_100, conference.StartTime);
        Assert.False(conference.IsLocked);
        Assert.Equal("fs1.example.com", conference.SwitchHostname);
        Assert.Empty(conference.Participants);
        Assert.Null(State.Find(Account, "another"));
        Assert.Null(State.Find("another-account", Conference));
    }

    [Fact]
    public void Add_member_adds_a_participant_with_its_vars_caller_id_and_normalised_channel_vars()
    {
        Start();

        // applied, but only a search brings the join time and custom application vars
        Assert.Equal(LiveApplyOutcome.Incomplete, State.Apply(Read(MemberEvent("add-member", "call-a", 7, moderator: true), receivedAt: 63_900_000_005)));
        Assert.Null(State.Find(Account, Conference)!.FindCall("call-a")!.CustomApplicationVars);
        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(MemberEvent("add-member", "call-a", 7, moderator: true), receivedAt: 63_900_000_009)));

        var member = Assert.Single(State.Find(Account, Conference)!.Participants);
        Assert.Equal(7, member.ParticipantId);
        Assert.Equal("call-a", member.CallId);
        Assert.Equal(63_900_000_005, member.JoinTime);
        Assert.Equal("Caller 7", member.CallerIdName);
        Assert.Equal("1007", member.CallerIdNumber);
        Assert.True(member.IsModerator);
        Assert.Equal(20, member.ChannelVars.EnergyLevel);
        Assert.Equal(7, member.ChannelVars.MemberId);
        Assert.Equal($$"""{"account_id":"{{Account}}","authorizing_type":"device","ignore_early_media":true}""", member.CustomChannelVars!.ToString());
    }

    [Fact]
    public void Moderators_and_members_are_counted_from_is_moderator()
    {
        Start();
        State.Apply(Read(MemberEvent("add-member", "call-a", 1)));
        State.Apply(Read(MemberEvent("add-member", "call-b", 2)));
        State.Apply(Read(MemberEvent("add-member", "call-c", 3, moderator: true)));

        var conference = State.Find(Account, Conference)!;
        Assert.Equal(3, conference.ParticipantCount);
        Assert.Equal(2, conference.Members);
        Assert.Equal(1, conference.Moderators);
        Assert.Equal([1L, 2L, 3L], conference.Participants.Select(p => p.ParticipantId));
    }

    [Theory]
    [InlineData("mute-member", ChannelFlag.Speak, false)]
    [InlineData("unmute-member", ChannelFlag.Speak, true)]
    [InlineData("deaf-member", ChannelFlag.Hear, false)]
    [InlineData("undeaf-member", ChannelFlag.Hear, true)]
    [InlineData("start-talking", ChannelFlag.Talking, true)]
    [InlineData("stop-talking", ChannelFlag.Talking, false)]
    public void Member_events_replace_the_vars_with_the_events(string eventName, ChannelFlag flag, bool expected)
    {
        Start();
        State.Apply(Read(MemberEvent("add-member", "call-a", 1, speak: !expected, hear: !expected, talking: !expected), receivedAt: 63_900_000_001));
        var update = MemberEvent(eventName, "call-a", 1,
            speak: flag == ChannelFlag.Speak ? expected : !expected,
            hear: flag == ChannelFlag.Hear ? expected : !expected,
            talking: flag == ChannelFlag.Talking ? expected : !expected);

        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(update, receivedAt: 63_900_000_050)));

        var member = Assert.Single(State.Find(Account, Conference)!.Participants);
        Assert.Equal(expected, member.ChannelVars.Get(flag));
        Assert.Equal(63_900_000_001, member.JoinTime);
    }

    [Fact]
    public void A_member_event_without_channel_vars_still_sets_the_flag_it_implies()
    {
        Start();
        State.Apply(Read(MemberEvent("add-member", "call-a", 1)));
        var mute = MemberEvent("mute-member", "call-a", 1);
        mute.Remove("Conference-Channel-Vars");

        State.Apply(Read(mute));

        var member = Assert.Single(State.Find(Account, Conference)!.Participants);
        Assert.False(member.ChannelVars.Speak);
        Assert.True(member.ChannelVars.Hear);
    }

    [Fact]
    public void Lock_and_unlock_set_the_lock()
    {
        Start();

        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(ConferenceEvent("lock"))));
        Assert.True(State.Find(Account, Conference)!.IsLocked);
        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(ConferenceEvent("unlock"))));
        Assert.False(State.Find(Account, Conference)!.IsLocked);
    }

    [Fact]
    public void Del_member_removes_the_participant_and_destroy_removes_the_conference()
    {
        Start();
        State.Apply(Read(MemberEvent("add-member", "call-a", 1)));
        State.Apply(Read(MemberEvent("add-member", "call-b", 2)));

        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(MemberEvent("del-member", "call-a", 1))));
        Assert.Equal(["call-b"], State.Find(Account, Conference)!.Participants.Select(p => p.CallId));
        State.Apply(Read(MemberEvent("del-member", "call-b", 2)));
        Assert.Empty(State.Find(Account, Conference)!.Participants);

        Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(ConferenceEvent("conference-destroy"))));
        Assert.Null(State.Find(Account, Conference));
        Assert.Empty(State.RunningIn(Account));
    }

    [Fact]
    public void Conferences_are_indexed_by_account()
    {
        State.Apply(Read(ConferenceEvent("conference-create", conference: "room-1")));
        State.Apply(Read(ConferenceEvent("conference-create", conference: "room-2")));
        State.Apply(Read(ConferenceEvent("conference-create", conference: "room-1", account: "other-account")));

        Assert.Equal(["room-1", "room-2"], State.RunningIn(Account).Select(c => c.ConferenceId).Order(StringComparer.Ordinal));
        Assert.Equal(["room-1"], State.RunningIn("other-account").Select(c => c.ConferenceId));
    }

    [Fact]
    public void Add_member_of_an_unknown_conference_is_taken_and_reported_inconsistent()
    {
        Assert.Equal(LiveApplyOutcome.Inconsistent, State.Apply(Read(MemberEvent("add-member", "call-a", 4))));

        var conference = State.Find(Account, Conference)!;
        Assert.Equal("call-a", Assert.Single(conference.Participants).CallId);
    }

    [Theory]
    [InlineData("del-member")]
    [InlineData("mute-member")]
    [InlineData("start-talking")]
    public void Member_events_of_an_unknown_call_are_inconsistent(string eventName)
    {
        Start();

        Assert.Equal(LiveApplyOutcome.Inconsistent, State.Apply(Read(MemberEvent(eventName, "never-added", 9))));
    }

    [Fact]
    public void Lock_of_an_unknown_conference_and_events_of_another_instance_are_inconsistent()
    {
        Assert.Equal(LiveApplyOutcome.Inconsistent, State.Apply(Read(ConferenceEvent("lock"))));
        Start();
        Assert.Equal(LiveApplyOutcome.Inconsistent, State.Apply(Read(ConferenceEvent("conference-destroy", instance: "another-instance"))));
        Assert.NotNull(State.Find(Account, Conference));
        Assert.Equal(LiveApplyOutcome.Inconsistent, State.Apply(Read(MemberEvent("add-member", "call-a", 1, instance: "another-instance"))));
        Assert.Equal("another-instance", State.Find(Account, Conference)!.Uuid);
    }

    [Fact]
    public void Events_the_state_does_not_track_are_ignored()
    {
        Start();
        var play = ConferenceEvent("play-file");

        Assert.Equal(LiveApplyOutcome.Ignored, State.Apply(Read(play)));
        Assert.False(LiveEvent.TryRead(new() { ["Event-Name"] = "participant_event", ["Event"] = "add-member" }, "conference.event.x.y", 0, out _));
    }

    [Fact]
    public void The_account_comes_from_the_routing_key_when_the_event_has_no_account_id()
    {
        var create = ConferenceEvent("conference-create");
        var key = RoutingKey(create);
        create.Remove("Account-ID");

        Assert.True(LiveEvent.TryRead(create, key, 0, out var read));
        Assert.Equal(Account, read!.AccountId);
    }
}
