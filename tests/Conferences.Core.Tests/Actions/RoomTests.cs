namespace Conferences.Core.Tests.Actions;

/// <summary>Tests on <see cref="ActionHarness.BusyRoom"/> and its five members, a fresh harness per test.</summary>
public abstract class BusyRoomTests
{
    private protected const string Room = ActionHarness.BusyRoom;

    private protected ActionHarness Harness { get; } = ActionHarness.WithBusyRoom();
}
