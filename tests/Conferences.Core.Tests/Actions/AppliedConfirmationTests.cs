using Conferences.Core.Actions.Applied;
using static Conferences.Core.Tests.Actions.ActionHarness;
using static Conferences.Core.Tests.Actions.RunningConferences;

namespace Conferences.Core.Tests.Actions;

/// <summary><c>wait=applied</c>: the answer waits for the confirming events the live state takes in, or says what is unconfirmed.</summary>
public sealed class AppliedConfirmationTests() : RoomTests("applied-room",
    Participant(1, """{"Is-Moderator":false,"Speak":true}"""),
    Participant(2, """{"Is-Moderator":false,"Speak":true}"""),
    Participant(3, """{"Is-Moderator":true,"Speak":true}"""))
{
    [Fact]
    public async Task Bulk_mute_answers_once_every_targets_mute_member_arrived()
    {
        var answer = Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"mute"},"wait":"applied"}"""), Room, default);
        await PublishedAsync(2);
        Apply(KapiConferenceEvents.MuteMember, 2);
        Apply(KapiConferenceEvents.MuteMember, 3);
        Apply(KapiConferenceEvents.MuteMember, 1);

        var result = await answer;

        Assert.False(result.Unconfirmed);
        Assert.Equal("confirmed", (string?)result.Metadata!["applied"]);
        AssertJson("""[{"event":"mute-member","participant_id":1},{"event":"mute-member","participant_id":2}]""", result.Metadata["confirmed"]);
        AssertJson("[]", result.Metadata["unconfirmed"]);
        AssertJson("[1,2]", result.Metadata["targeted"]);
    }

    [Fact]
    public async Task A_confirmation_that_does_not_arrive_in_time_is_reported_unconfirmed()
    {
        Harness.Timeouts.Hold();
        var answer = Harness.Participants.HandleParticipantsActionAsync(Context("""{"data":{"action":"kick"}}""", new() { ["wait"] = "applied" }), Room, default);
        await PublishedAsync(3);
        Apply(KapiConferenceEvents.DelMember, 3);
        Harness.Timeouts.Advance(await Harness.Timeouts.TimerStartedAsync());

        var result = await answer;

        Assert.True(result.Unconfirmed);
        Assert.Equal("unconfirmed", (string?)result.Metadata!["applied"]);
        AssertJson("""[{"event":"del-member","participant_id":3,"call_id":"call-3"}]""", result.Metadata["confirmed"]);
        AssertJson("""[{"event":"del-member","participant_id":1},{"event":"del-member","participant_id":2}]""", result.Metadata["unconfirmed"]);
    }

    [Fact]
    public async Task Lock_and_single_participant_actions_wait_for_their_event()
    {
        var locking = Harness.Control.LockAsync(ActionRequestReader.ForConference(Context("""{"data":{"action":"lock","wait":"applied"}}"""), Room), locked: true, default);
        await PublishedAsync(1);
        Apply(KapiConferenceEvents.Unlock, null);
        Apply(KapiConferenceEvents.Lock, null);
        var unmuting = Harness.Participants.HandleParticipantActionAsync(Context("""{"data":{"action":"unmute","wait":"applied"}}"""), Room, "2", default);
        await PublishedAsync(2);
        Apply(KapiConferenceEvents.UnmuteMember, 2);

        AssertJson("""{"applied":"confirmed","confirmed":[{"event":"lock"}],"unconfirmed":[]}""", (await locking).Metadata);
        AssertJson("""[{"event":"unmute-member","participant_id":2}]""", (await unmuting).Metadata!["confirmed"]);
    }

    [Fact]
    public async Task Without_wait_nothing_is_awaited_and_the_answer_is_kazoos()
    {
        var result = await Harness.Control.LockAsync(ActionRequestReader.ForConference(Context("""{"data":{"action":"lock"}}"""), Room), locked: true, default);

        Assert.Null(result.Metadata);
        Assert.False(result.Unconfirmed);
    }

    [Theory]
    [InlineData("""{"data":{"action":"lock","wait":"yes"}}""")]
    [InlineData("""{"data":{"action":"lock"},"wait":true}""")]
    public void Any_other_wait_is_400_before_anything_is_done(string envelope)
    {
        var error = Assert.Throws<CrossbarException>(() => ActionRequestReader.ForConference(Context(envelope), Room));

        Assert.Equal(400, error.Status);
        Assert.NotNull(error.ErrorData!["wait"]!["enum"]);
    }

    private void Apply(string name, long? participant) =>
        Harness.Events.Apply(new LiveEvent(name, AccountId, Room, "instance-1", 63_880_000_100)
        {
            ParticipantId = participant,
            CallId = participant is null ? null : $"call-{participant}",
        });

    private async Task PublishedAsync(int count)
    {
        for (var i = 0; i < 200 && Harness.Bus.Published.Count < count; i++)
        {
            await Task.Delay(10);
        }
        Assert.Equal(count, Harness.Bus.Published.Count);
    }
}
