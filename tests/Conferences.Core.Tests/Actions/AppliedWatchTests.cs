using Conferences.Core.Actions.Applied;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Tests.Actions;

/// <summary>A watch whose expectations come late (dial learns its call ids from the answer) still waits for them.</summary>
public sealed class AppliedWatchTests
{
    [Fact]
    public async Task A_watch_started_empty_waits_for_the_legs_it_learns_of_later()
    {
        var events = new LiveConferenceState();
        var waiter = new AppliedWaiter(events, Options.Create(new AppliedWaitOptions { AppliedTimeout = ActionHarness.AppliedTimeout }), TimeProvider.System);
        using var watch = waiter.Watch(ActionHarness.AccountId, "dialled-room", []);
        watch.Expect([new AppliedExpectation(KapiConferenceEvents.AddMember, CallId: "call-7")]);

        var waiting = waiter.WaitAsync(watch, default);
        var early = waiting.IsCompleted;
        events.Apply(new LiveEvent(KapiConferenceEvents.AddMember, ActionHarness.AccountId, "dialled-room", "instance-1", 63_880_000_100)
        {
            ParticipantId = 7,
            CallId = "call-7",
        });
        var outcome = await waiting;

        Assert.False(early, "answered before the leg joined");
        Assert.True(outcome.IsComplete);
        ActionHarness.AssertJson("""[{"event":"add-member","participant_id":7,"call_id":"call-7"}]""", new JsonArray([.. outcome.Confirmed]));
    }
}
