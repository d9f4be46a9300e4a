namespace Conferences.Core.Tests.Realtime;

/// <summary>A started feed over a fake bus, with the scheduler and the readers' view over the same state.</summary>
public abstract class LiveConferenceFeedHarness : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly LiveConferenceFeed feed;

    protected LiveConferenceFeedHarness()
    {
        var sync = new LiveConferenceSync(State, new MediaManagerDiscovery(Bus, Bus), TimeProvider.System, NullLogger<LiveConferenceSync>.Instance);
        Scheduler = new LiveSyncScheduler(State, sync, TimeProvider.System, NullLogger<LiveSyncScheduler>.Instance);
        feed = new LiveConferenceFeed(State, Scheduler, Bus, Bus, Bus, TimeProvider.System, NullLogger<LiveConferenceFeed>.Instance);
        Live = new LiveConferences(State, Scheduler);
    }

    private protected FakeBus Bus { get; } = new();

    protected LiveConferenceState State { get; } = new();

    protected LiveSyncScheduler Scheduler { get; }

    protected LiveConferences Live { get; }

    public Task InitializeAsync() => feed.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await feed.DisposeAsync();

    protected static string Msg(JsonObject search) => KazooJson.GetString(search, "Msg-ID")!;

    protected static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
