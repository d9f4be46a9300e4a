using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>The rendered shapes: <c>_read_only</c> of docs/compatibility.md D5, metadata of D11, the participant object of D6.</summary>
public sealed class LiveViewTests
{
    private const long Now = 63_900_000_060;

    [Fact]
    public void Running_read_only_has_the_counters_and_the_running_fields()
    {
        var conference = Running();

        var view = ReadOnlyView.For(conference, Now, withParticipants: false);

        Assert.Equal(
            ["members", "moderators", "admins", "participant_count", "duration", "is_locked", "run_time", "start_time", "uuid", "switch_hostname"],
            view.Select(p => p.Key));
        Assert.Equal(2, view["members"]!.GetValue<int>());
        Assert.Equal(1, view["moderators"]!.GetValue<int>());
        Assert.Equal(1, view["admins"]!.GetValue<int>());
        Assert.Equal(3, view["participant_count"]!.GetValue<int>());
        Assert.Equal(60, view["duration"]!.GetValue<long>());
        Assert.Equal(60, view["run_time"]!.GetValue<long>());
        Assert.Equal(63_900_000_000, view["start_time"]!.GetValue<long>());
        Assert.Equal(Instance, view["uuid"]!.GetValue<string>());
        Assert.Equal("fs1.example.com", view["switch_hostname"]!.GetValue<string>());
        var participants = ReadOnlyView.For(conference, Now, withParticipants: true)["participants"]!.ToJsonString();
        Assert.Equal(ParticipantView.List(conference, Now).ToJsonString(), participants);
        Assert.Equal(3, JsonNode.Parse(participants)!.AsArray().Count);
    }

    [Fact]
    public void Metadata_carries_the_counters_monster_ui_reads()
    {
        var metadata = ReadOnlyView.Metadata(Running(), Now);

        Assert.Equal("""{"duration":60,"is_locked":false,"members":2,"moderators":1,"participant_count":3}""", metadata.ToJsonString());
        Assert.Equal("""{"duration":0,"is_locked":false,"members":0,"moderators":0,"participant_count":0}""", ReadOnlyView.Metadata(null, Now).ToJsonString());
    }

    [Fact]
    public void The_participant_object_has_the_nested_vars_and_the_flat_copies()
    {
        var conference = Running();

        var view = ParticipantView.Render(conference, conference.FindParticipant(3)!, Now);

        Assert.Equal("call-c", view["call_id"]!.GetValue<string>());
        Assert.Equal(Conference, view["conference_name"]!.GetValue<string>());
        Assert.Equal(Instance, view["conference_uuid"]!.GetValue<string>());
        Assert.Equal("fs1.example.com", view["switch_hostname"]!.GetValue<string>());
        Assert.Equal(3, view["participant_id"]!.GetValue<long>());
        Assert.Equal(63_900_000_030, view["join_time"]!.GetValue<long>());
        Assert.Equal(30, view["duration"]!.GetValue<long>());
        Assert.Equal("Caller 3", view["caller_id_name"]!.GetValue<string>());
        Assert.Equal("1003", view["caller_id_number"]!.GetValue<string>());
        Assert.Equal(Account, view["custom_channel_vars"]!["account_id"]!.GetValue<string>());
        Assert.Equal("{}", view["custom_application_vars"]!.ToJsonString());
        var nested = (JsonObject)view["conference_channel_vars"]!;
        Assert.Equal(
            ["is_moderator", "floor", "video", "see", "speak", "hear", "talking", "mute_detect", "energy_level", "current_energy", "member_id", "member_ghost"],
            nested.Select(p => p.Key));
        Assert.True(nested["is_moderator"]!.GetValue<bool>());
        Assert.Equal(3, nested["member_id"]!.GetValue<long>());
        foreach (var flat in new[] { "is_moderator", "speak", "hear", "talking", "floor", "video", "mute_detect", "energy_level", "current_energy" })
        {
            Assert.Equal(nested[flat]!.ToJsonString(), view[flat]!.ToJsonString());
        }
    }

    [Fact]
    public void The_rendered_list_is_reused_within_a_second_and_redone_for_the_next_second_or_a_changed_conference()
    {
        var conference = Running();

        var first = ParticipantView.ListNode(conference, Now).ToJsonString();
        Assert.Equal(first, ParticipantView.ListNode(conference, Now).ToJsonString());
        Assert.Equal(first, ParticipantView.ListNode(conference, Now).DeepClone().ToJsonString());
        var later = JsonNode.Parse(ParticipantView.ListNode(conference, Now + 5).ToJsonString())!.AsArray();
        Assert.Equal(55, later[0]!["duration"]!.GetValue<long>());
        var changed = conference with { Participants = conference.Participants.Take(1).ToList() };
        Assert.Single(JsonNode.Parse(ParticipantView.ListNode(changed, Now + 5).ToJsonString())!.AsArray());
    }

    private static LiveConference Running()
    {
        var state = new LiveConferenceState();
        state.Apply(Read(ConferenceEvent("conference-create"), receivedAt: 63_900_000_000));
        state.Apply(Read(MemberEvent("add-member", "call-a", 1), receivedAt: 63_900_000_010));
        state.Apply(Read(MemberEvent("add-member", "call-b", 2), receivedAt: 63_900_000_020));
        state.Apply(Read(MemberEvent("add-member", "call-c", 3, moderator: true), receivedAt: 63_900_000_030));
        return state.Find(Account, Conference)!;
    }
}
