namespace Conferences.Core.Tests.Realtime;

/// <summary>A started feed on the in-process bus with the real requester and directory, one scripted media manager heard
/// before it starts, and the scheduler and readers' view over the same state.</summary>
public abstract class LiveConferenceFeedHarness : IAsyncLifetime
{
    /// <summary>The scripted media manager's node.</summary>
    protected const string Manager = "ecallmgr@m0";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly KapiRequester requester;
    private readonly MediaManagerDirectory directory;
    private readonly LiveConferenceFeed feed;

    protected LiveConferenceFeedHarness()
    {
        requester = new KapiRequester(Bus, Bus, TimeProvider.System, NullLogger<KapiRequester>.Instance);
        directory = new MediaManagerDirectory(Bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        Media = new ScriptedMediaServer(Bus);
        var sync = new LiveConferenceSync(State, new MediaManagerDiscovery(requester, directory), TimeProvider.System, NullLogger<LiveConferenceSync>.Instance);
        Scheduler = new LiveSyncScheduler(State, sync, TimeProvider.System, NullLogger<LiveSyncScheduler>.Instance);
        feed = new LiveConferenceFeed(State, Scheduler, Bus, Bus, directory, TimeProvider.System, NullLogger<LiveConferenceFeed>.Instance);
        Live = new LiveConferences(State, Scheduler);
    }

    private protected ObservedBus Bus { get; } = new();

    private protected ScriptedMediaServer Media { get; }

    protected LiveConferenceState State { get; } = new();

    protected LiveSyncScheduler Scheduler { get; }

    protected LiveConferences Live { get; }

    public async Task InitializeAsync()
    {
        await directory.StartAsync(CancellationToken.None);
        await Media.StartAsync();
        await Media.JoinAsync(Manager);
        await feed.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await feed.DisposeAsync();
        await Media.DisposeAsync();
        await directory.DisposeAsync();
        await requester.DisposeAsync();
        await Bus.DisposeAsync();
    }

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
