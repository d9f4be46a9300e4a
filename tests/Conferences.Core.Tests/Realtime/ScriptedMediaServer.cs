namespace Conferences.Core.Tests.Realtime;

/// <summary>ecallmgr on the real bus, scripted by the test: node heartbeats, search replies to the request's
/// <c>Server-ID</c> and events, each step returning once its consumer handled it.</summary>
internal sealed class ScriptedMediaServer(ObservedBus bus) : IAsyncDisposable
{
    private static readonly TimeSpan Expires = TimeSpan.FromHours(1);
    private IKapiSubscription? discovery;

    /// <summary>The replies to a search (given the message as published); default: nobody hosts anything.</summary>
    public Func<JsonObject, IReadOnlyList<JsonObject>> Answer { get; set; } = _ => [];

    /// <summary>Searches go unanswered: the requester waits out its timeout.</summary>
    public bool TimesOut { get; set; }

    public ConcurrentQueue<JsonObject> Searches { get; } = new();

    public IEnumerable<JsonObject> AccountSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is null);

    public IEnumerable<JsonObject> ConferenceSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is not null);

    /// <summary>Starts answering searches.</summary>
    public async Task StartAsync() =>
        discovery = await bus.SubscribeAsync(KapiQueue.Exclusive(KapiRoutingKeys.Discovery), OnSearchAsync, CancellationToken.None);

    /// <summary>A heartbeat of <paramref name="node"/> as ecallmgr, handled by the directory once this returns.</summary>
    public Task JoinAsync(string node) => AdvertiseAsync(node, [KapiNodes.EcallmgrApp]);

    /// <summary>A heartbeat of <paramref name="node"/> without ecallmgr: the directory stops counting it.</summary>
    public Task LeaveAsync(string node) => AdvertiseAsync(node, []);

    /// <summary>An event as ecallmgr publishes it, handled by the live feed once this returns.</summary>
    public Task DeliverAsync(JsonObject message) =>
        bus.For(KapiRoutingKeys.AllEvents).DeliverAsync(LiveEventFixtures.RoutingKey(message), message);

    public async ValueTask DisposeAsync()
    {
        if (discovery is not null)
        {
            await discovery.DisposeAsync();
        }
    }

    private Task AdvertiseAsync(string node, IReadOnlyList<string> whapps) =>
        bus.On(KapiExchange.Nodes).DeliverAsync(string.Empty, KapiNodes.Advertise(new NodeAdvertisement(node, Expires, whapps)));

    private async Task OnSearchAsync(KapiDelivery delivery, CancellationToken ct)
    {
        var search = delivery.Message;
        Searches.Enqueue(search);
        if (TimesOut)
        {
            return;
        }
        foreach (var reply in Answer(search))
        {
            await bus.ReplyAsync(KazooJson.GetString(search, KapiHeaders.ServerId)!, reply, ct);
        }
    }
}
