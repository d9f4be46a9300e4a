using Conferences.Tests.Time;
using static Conferences.Api.Tests.Actions.ActionRequests;
using static Conferences.Api.Tests.Applied.AppliedRequests;

namespace Conferences.Api.Tests.Applied;

/// <summary>
/// <c>wait=applied</c> on RabbitMQ with the simulator as its own worker process: each kind of action is confirmed by
/// the worker's events; once the worker is stopped, nothing confirms and the answer is 202 after the timeout, not a 500
/// and not a hang. The timeout is long on real time while the worker confirms, then held and expired by the test.
/// </summary>
public sealed class AppliedWorkerTests : IAsyncLifetime
{
    private TestBroker broker = null!;
    private readonly TimeoutClock appliedClock = new();
    private WorkerScenario scenario = null!;

    public async Task InitializeAsync()
    {
        broker = await TestBroker.SharedOrPrivateAsync();
        scenario = await WorkerScenario.StartAsync(broker, "applied", appliedClock);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (scenario is not null)
            {
                await scenario.DisposeAsync();
            }
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_action_kind_is_confirmed_by_the_worker_and_a_stopped_worker_gives_202()
    {
        var api = scenario.Api;
        var account = await api.NewAccountAsync();
        var id = $"applied-worker-{Guid.NewGuid():N}";

        var dialled = await account.ConferenceActionAppliedAsync(id, "dial", DialRequests.Endpoints("sip:ann@example.com", "sip:ben@example.com"));
        var locked = await account.ConferenceActionAppliedAsync(id, "lock");
        var muted = await account.ParticipantsActionAppliedAsync(id, "mute");
        var participants = (await account.GetAsync($"conferences/{id}/participants")).DataArray;
        var kicked = await account.ParticipantActionAppliedAsync(id, Id(participants[0]), "kick");

        Assert.Equal(["add-member", "add-member"], Confirmed(dialled.ExpectStatus(HttpStatusCode.Created)).Select(c => c.Event));
        Assert.Equal(2, participants.Count);
        Assert.Equal([("lock", null)], Confirmed(locked.ExpectStatus(HttpStatusCode.Created)));
        Assert.Equal(2, Confirmed(muted.ExpectStatus(HttpStatusCode.Created)).Count(c => c.Event == "mute-member"));
        Assert.All(participants, p => Assert.False(Flag(p, "speak")));
        Assert.Equal([("del-member", (string?)$"{Id(participants[0])}")], Confirmed(kicked.ExpectStatus(HttpStatusCode.Created)));

        await scenario.Worker.DisposeAsync();
        appliedClock.Hold();
        var answering = account.ParticipantsActionAppliedAsync(id, "unmute");
        var timeout = await appliedClock.TimerStartedAsync();
        appliedClock.Advance(timeout - TimeSpan.FromTicks(1));
        var earlyAnswer = answering.IsCompleted;
        appliedClock.Advance(TimeSpan.FromTicks(1));
        var unanswered = await answering;

        Assert.False(earlyAnswer, "answered before the timeout");
        unanswered.ExpectStatus(HttpStatusCode.Accepted);
        Assert.InRange(appliedClock.Moved, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        Assert.Equal([("unmute-member", (string?)$"{Id(participants[1])}")], Confirmed(unanswered, "unconfirmed"));
    }
}
