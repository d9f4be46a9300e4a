using static Conferences.Core.Tests.Actions.ActionHarness;
using static Conferences.Core.Tests.Actions.RunningConferences;

namespace Conferences.Core.Tests.Actions;

/// <summary>The bulk actions' per-target report in <c>metadata</c> and the chosen <c>participant_ids</c> (docs/compatibility.md, "Actions a script can trust").</summary>
public sealed class BulkTargetsTests() : RoomTests("targets-room",
    Participant(1, """{"Is-Moderator":false,"Speak":true,"Hear":true}"""),
    Participant(2, """{"Is-Moderator":false,"Speak":false,"Hear":false}"""),
    Participant(3, """{"Is-Moderator":true,"Speak":true,"Hear":true}"""),
    Participant(4, """{"Speak":true,"Hear":true}"""),
    Participant(5, """{"Is-Moderator":false,"Hear":true}"""))
{
    [Theory]
    [InlineData("mute", """{"targeted":[1],"skipped":[{"participant_id":2,"reason":"already_muted"},{"participant_id":3,"reason":"moderator"},{"participant_id":4,"reason":"moderator_unknown"},{"participant_id":5,"reason":"speak_unknown"}]}""")]
    [InlineData("unmute", """{"targeted":[2],"skipped":[{"participant_id":1,"reason":"not_muted"},{"participant_id":3,"reason":"moderator"},{"participant_id":4,"reason":"moderator_unknown"},{"participant_id":5,"reason":"speak_unknown"}]}""")]
    [InlineData("deaf", """{"targeted":[1,5],"skipped":[{"participant_id":2,"reason":"already_deaf"},{"participant_id":3,"reason":"moderator"},{"participant_id":4,"reason":"moderator_unknown"}]}""")]
    [InlineData("undeaf", """{"targeted":[2],"skipped":[{"participant_id":1,"reason":"not_deaf"},{"participant_id":3,"reason":"moderator"},{"participant_id":4,"reason":"moderator_unknown"},{"participant_id":5,"reason":"not_deaf"}]}""")]
    [InlineData("kick", """{"targeted":[1,2,3,4,5],"skipped":[]}""")]
    public async Task Every_member_is_reported_targeted_or_skipped_with_the_reason(string action, string metadata)
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(Context($$"""{"data":{"action":"{{action}}"} }"""), Room, default);

        AssertJson(metadata, result.Metadata);
        Assert.Equal(result.Metadata!["targeted"]!.AsArray().Count, Harness.Bus.Published.Count);
    }

    [Fact]
    public async Task Chosen_ids_are_taken_in_order_once_and_unknown_ones_reported()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(
            Context("""{"data":{"action":"kick","participant_ids":["5",1,99,5]}}"""), Room, default);

        AssertJson("""{"targeted":[5,1],"skipped":[{"participant_id":99,"reason":"unknown_participant"}]}""", result.Metadata);
        Assert.Equal(["5", "1"], Harness.Bus.Messages.Select(m => (string)m["Participant-ID"]!));
    }

    [Fact]
    public async Task Chosen_ids_still_follow_the_actions_selection()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(
            Context("""{"data":{"action":"mute","participant_ids":[3,2,1]}}"""), Room, default);

        AssertJson("""{"targeted":[1],"skipped":[{"participant_id":3,"reason":"moderator"},{"participant_id":2,"reason":"already_muted"}]}""", result.Metadata);
    }

    [Fact]
    public async Task Chosen_ids_on_a_conference_not_running_are_all_unknown()
    {
        var result = await Harness.Participants.HandleParticipantsActionAsync(
            Context("""{"data":{"action":"mute","participant_ids":[1]}}"""), StoredId, default);

        AssertJson("""{"targeted":[],"skipped":[{"participant_id":1,"reason":"unknown_participant"}]}""", result.Metadata);
        Assert.Empty(Harness.Bus.Published);
    }

    [Fact]
    public async Task Bad_participant_ids_are_checked_after_the_action_and_the_conference()
    {
        var unknownAction = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"x","participant_ids":5}}"""), Room, default));
        var unknownConference = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"mute","participant_ids":5}}"""), "nowhere", default));
        var badIds = await FailsAsync(() => Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"mute","participant_ids":5}}"""), Room, default));

        Assert.Equal("faulty_request", unknownAction.ErrorName);
        Assert.Equal("bad_identifier", unknownConference.ErrorName);
        AssertJson("""{"participant_ids":{"type":{"message":"Value did not match type(s): array","target":"array","value":5}}}""", badIds.ErrorData);
        Assert.Empty(Harness.Bus.Published);
    }
}
