namespace Conferences.Core.Tests.Actions;

/// <summary>Tests on one room running in a fresh <see cref="ActionHarness"/> per test.</summary>
public abstract class RoomTests
{
    private protected RoomTests(string room, params LiveParticipant[] members)
    {
        Room = room;
        Harness.Run(room, members);
    }

    private protected string Room { get; }

    private protected ActionHarness Harness { get; } = new();
}
