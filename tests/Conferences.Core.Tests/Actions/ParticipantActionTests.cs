using System.Text.Json;
using static Conferences.Core.Tests.Actions.ActionHarness;

namespace Conferences.Core.Tests.Actions;

/// <summary>PUT <c>…/participants/{pid}</c> (<c>cb_conferences:participant_action/4</c>; docs/compatibility.md D3).</summary>
public sealed class ParticipantActionTests() : RoomTests(BusyRoom, BusyRoomMembers)
{
    [Theory]
    [InlineData("mute", "mute_participant")]
    [InlineData("unmute", "unmute_participant")]
    [InlineData("deaf", "deaf_participant")]
    [InlineData("undeaf", "undeaf_participant")]
    [InlineData("kick", "kick")]
    public async Task Single_actions_send_an_integer_participant_id_and_answer_ok(string action, string application)
    {
        var result = await Harness.Participants.HandleParticipantActionAsync(Context($$"""{"data":{"action":"{{action}}"} }"""), Room, "3", default);

        AssertJson("\"ok\"", result.Data);
        var message = Assert.Single(Harness.Bus.Messages);
        Assert.Equal(application, (string?)message["Application-Name"]);
        Assert.Equal(JsonValueKind.Number, message["Participant-ID"]!.GetValueKind());
        Assert.Equal(3L, (long)message["Participant-ID"]!);
    }

    [Fact]
    public async Task Single_play_sends_the_participant_id_as_kazoo_does_a_string()
    {
        await Harness.Participants.HandleParticipantActionAsync(Context("""{"action":"play","data":{"media_id":"beep"}}"""), Room, "2", default);

        var message = Assert.Single(Harness.Bus.Messages);
        Assert.Equal("play", (string?)message["Application-Name"]);
        Assert.Equal("2", (string?)message["Participant-ID"]);
        Assert.Equal($"/{AccountId}/beep", (string?)message["Media-Name"]);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.0")]
    public async Task A_participant_that_is_not_in_the_conference_is_404_naming_it(string participantId)
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantActionAsync(Context("""{"data":{"action":"mute"}}"""), Room, participantId, default));

        Assert.Equal(404, error.Status);
        Assert.Equal("bad_identifier", error.ErrorName);
        AssertJson($$"""{"id":"{{participantId}}","message":"bad identifier"}""", error.ErrorData);
    }

    [Fact]
    public async Task A_stored_conference_that_is_not_running_has_no_participants_to_act_on()
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantActionAsync(Context("""{"data":{"action":"kick"}}"""), StoredId, "1", default));

        Assert.Equal(404, error.Status);
        AssertJson("""{"id":"1","message":"bad identifier"}""", error.ErrorData);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{"action":"relate"}}""")]
    [InlineData("""{"data":{"action":"lock"}}""")]
    public async Task A_missing_or_unknown_single_action_is_a_faulty_request(string envelope)
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantActionAsync(Context(envelope), Room, "1", default));

        Assert.Equal(404, error.Status);
        Assert.Equal("faulty_request", error.ErrorName);
    }

    [Fact]
    public async Task Single_play_without_a_media_id_is_a_400()
    {
        var error = await FailsAsync(() => Harness.Participants.HandleParticipantActionAsync(Context("""{"action":"play","data":{}}"""), Room, "1", default));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorData?["data.media_id"]?["required"]);
    }

    [Fact]
    public async Task A_bus_that_is_down_fails_a_bulk_action()
    {
        Harness.Bus.Unavailable = true;

        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"kick"}}"""), Room, default));
    }
}
