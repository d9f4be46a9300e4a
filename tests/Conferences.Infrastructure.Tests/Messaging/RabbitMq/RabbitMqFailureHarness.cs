namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>What the broker failure tests share: deadlines, the buses a test made, and what "down" means for a bus.</summary>
public abstract class RabbitMqFailureHarness(ITestOutputHelper output) : IAsyncLifetime
{
    protected static readonly CancellationToken Ct = CancellationToken.None;
    protected static readonly TimeSpan FailFast = TimeSpan.FromSeconds(2);
    protected static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private readonly List<IAsyncDisposable> cleanup = [];

    protected ITestOutputHelper Output { get; } = output;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
    }

    /// <summary>Every call fails with BusUnavailableException within <see cref="FailFast"/>.</summary>
    protected async Task DownAsync(RabbitMqBus bus, string why)
    {
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<BusUnavailableException>(() => bus.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("lost"), Ct).WaitAsync(Step));
        var publish = watch.Elapsed;
        watch.Restart();
        await Assert.ThrowsAsync<BusUnavailableException>(() => bus.SubscribeAsync(KapiRoutingKeys.AllEvents, (_, _) => Task.CompletedTask, Ct).WaitAsync(Step));
        var subscribe = watch.Elapsed;
        watch.Restart();
        var requester = Track(new KapiRequester(bus, bus, TimeProvider.System, NullLogger<KapiRequester>.Instance));
        await Assert.ThrowsAsync<BusUnavailableException>(() =>
            requester.CallAsync(new KapiRequest(KapiRoutingKeys.Dial(), Probe("dial")), _ => true, TimeSpan.FromSeconds(5), Ct).WaitAsync(Step));
        var request = watch.Elapsed;
        watch.Restart();
        var health = await bus.CheckHealthAsync(Ct).WaitAsync(Step);
        var check = watch.Elapsed;

        Output.WriteLine($"{why}: publish {publish.TotalMilliseconds:0} ms, subscribe {subscribe.TotalMilliseconds:0} ms, " +
            $"request {request.TotalMilliseconds:0} ms, health {check.TotalMilliseconds:0} ms ({health.Description})");
        Assert.False(health.Healthy);
        Assert.All([publish, subscribe, request, check], took => Assert.True(took < FailFast, $"took {took}"));
    }

    protected T Track<T>(T disposable) where T : IAsyncDisposable
    {
        cleanup.Add(disposable);
        return disposable;
    }

    protected static string NewId() => KazooIds.NewId();

    protected static string? Marker(KapiDelivery delivery) => KazooJson.GetString(delivery.Message, "Marker");

    protected static JsonObject Probe(string marker) => new()
    {
        [KapiHeaders.EventCategory] = "conference", [KapiHeaders.EventName] = "probe", [KapiHeaders.MsgId] = KapiHeaders.NewMsgId(), ["Marker"] = marker,
    };
}
