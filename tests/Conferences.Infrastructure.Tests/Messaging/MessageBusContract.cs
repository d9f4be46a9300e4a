namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// The behaviour every bus adapter must share: RabbitMQ's routing and queue semantics and Kazoo's request/reply
/// (docs/amqp.md, <c>kz_api.erl</c>, <c>kz_amqp_worker.erl</c>). Each suite (<c>*Contract</c>) runs once per adapter,
/// given an <see cref="IBusSource"/> of it. Ids, routing keys and queue names are unique per test, so tests may share
/// one broker with other tests.
/// </summary>
public abstract class MessageBusContract(IBusSource source) : IAsyncLifetime
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>The collection cap the tests use instead of Kazoo's 2000 ms.</summary>
    protected static readonly TimeSpan Cap = TimeSpan.FromMilliseconds(300);

    /// <summary>How long "nothing arrives" is watched for.</summary>
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    private readonly List<IAsyncDisposable> cleanup = [];

    /// <summary>A new client of the bus under test; every client of one test reaches the same broker.</summary>
    protected Task<BusClient> ConnectAsync() => source.ConnectAsync();

    /// <summary>A client whose bus is down (closed, or the broker unreachable).</summary>
    protected Task<BusClient> ConnectUnavailableAsync() => source.ConnectUnavailableAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        await source.DisposeAsync();
    }

    protected T Track<T>(T disposable) where T : IAsyncDisposable
    {
        cleanup.Add(disposable);
        return disposable;
    }

    protected async Task<IKapiSubscription> SubscribeAsync(BusClient bus, KapiQueue queue, KapiMessageHandler handler) =>
        Track(await bus.Subscriber.SubscribeAsync(queue, handler, Ct));

    protected async Task<DeliveryInbox> ListenAsync(BusClient bus, KapiQueue queue)
    {
        var inbox = new DeliveryInbox();
        await SubscribeAsync(bus, queue, inbox.Handler);
        return inbox;
    }

    protected Task<DeliveryInbox> ListenAsync(BusClient bus, string bindingPattern) => ListenAsync(bus, KapiQueue.Exclusive(bindingPattern));

    protected KapiRequester NewRequester(BusClient bus) =>
        Track(new KapiRequester(bus.Publisher, bus.Subscriber, TimeProvider.System, NullLogger<KapiRequester>.Instance));

    /// <summary>A directory that heard <paramref name="count"/> media managers (straight, not over the bus).</summary>
    protected MediaManagerDirectory DirectoryKnowing(BusClient bus, int count, TimeProvider? clock = null)
    {
        var directory = Track(new MediaManagerDirectory(bus.Subscriber, clock ?? TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance));
        for (var i = 0; i < count; i++)
        {
            directory.Observe(new NodeAdvertisement($"ecallmgr{i}@{KazooIds.RandomHex(4)}", TimeSpan.FromMinutes(1), [KapiNodes.EcallmgrApp]));
        }
        return directory;
    }

    protected static string NewId() => KazooIds.NewId();

    /// <summary>A probe message that carries <paramref name="marker"/>, so a test recognises its own messages.</summary>
    protected static JsonObject Probe(string marker) => new()
    {
        [KapiHeaders.EventCategory] = "conference",
        [KapiHeaders.EventName] = "probe",
        [KapiHeaders.MsgId] = KapiHeaders.NewMsgId(),
        ["Marker"] = marker,
    };

    protected static string? MarkerOf(KapiDelivery delivery) => KazooJson.GetString(delivery.Message, "Marker");

    protected static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), because);
            await Task.Delay(20);
        }
    }

    /// <summary>A fake media manager on an exclusive queue: answers each request with <paramref name="replies"/>.</summary>
    protected async Task AnswerAsync(BusClient manager, string key, Func<JsonObject, IEnumerable<JsonObject>> replies) =>
        await SubscribeAsync(manager, KapiQueue.Exclusive(key), async (delivery, ct) =>
        {
            var serverId = KazooJson.GetString(delivery.Message, KapiHeaders.ServerId)!;
            foreach (var reply in replies(delivery.Message))
            {
                await manager.Publisher.ReplyAsync(serverId, reply, ct);
            }
        });

    protected static JsonObject Reply(JsonObject request, string marker, string? msgId = null) => new()
    {
        [KapiHeaders.EventCategory] = "conference",
        [KapiHeaders.EventName] = "search_resp",
        [KapiHeaders.AppName] = KapiApps.EcallmgrName,
        [KapiHeaders.MsgId] = msgId ?? KazooJson.GetString(request, KapiHeaders.MsgId),
        ["Marker"] = marker,
    };
}
