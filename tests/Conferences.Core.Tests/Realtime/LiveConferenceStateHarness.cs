using static Conferences.Core.Tests.Realtime.LiveEventFixtures;

namespace Conferences.Core.Tests.Realtime;

/// <summary>A fresh live state per test, and the fixtures' conference started in it.</summary>
public abstract class LiveConferenceStateHarness
{
    protected LiveConferenceState State { get; } = new();

    protected void Start() => Assert.Equal(LiveApplyOutcome.Applied, State.Apply(Read(ConferenceEvent("conference-create"))));
}
