using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;

namespace Conferences.Core.Tests.Realtime;

/// <summary>
/// The messaging ports the live state uses, played by the test: a subscriber that hands out the event handler, a
/// bus health that can announce a reconnection, a media-manager directory with a settable count, and a requester
/// answering each search with what <see cref="Answer"/> says (as every manager would).
/// </summary>
internal sealed class FakeBus : IKapiSubscriber, IMessageBusHealth, IMediaManagerDirectory, IKapiRequester
{
    public KapiMessageHandler? Handler { get; private set; }

    public int ManagerCount { get; set; } = 1;

    /// <summary>The replies to a search (given its stamped message); default: nobody hosts anything.</summary>
    public Func<JsonObject, IReadOnlyList<JsonObject>> Answer { get; set; } = _ => [];

    public bool TimesOut { get; set; }

    public ConcurrentQueue<JsonObject> Searches { get; } = new();

    public string ServerId => "fake-crossbar";

    public IReadOnlyList<MediaManager> Managers =>
        [.. Enumerable.Range(0, ManagerCount).Select(i => new MediaManager($"ecallmgr@m{i}", "local", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)))];

    public event EventHandler? Reconnected;

    public event EventHandler<MediaManager>? Joined;

    public IEnumerable<JsonObject> AccountSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is null);

    public IEnumerable<JsonObject> ConferenceSearches => Searches.Where(s => KazooJson.GetString(s, "Conference-ID") is not null);

    public Task<IKapiSubscription> SubscribeAsync(KapiQueue queue, KapiMessageHandler handler, CancellationToken cancellationToken)
    {
        Handler = handler;
        return Task.FromResult<IKapiSubscription>(new Subscription());
    }

    public Task<BusHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(new BusHealth(true, "fake", "fake"));

    public Task<KapiCollection> CollectAsync(KapiRequest request, KapiCollectUntil until, CancellationToken cancellationToken)
    {
        if (until.Replies == 0)
        {
            return Task.FromResult(KapiCollection.Empty);
        }
        var message = request.Message.DeepClone().AsObject();
        message["Msg-ID"] ??= Guid.NewGuid().ToString("N");
        Searches.Enqueue(message);
        return Task.FromResult(new KapiCollection(TimesOut ? [] : Answer(message), TimesOut));
    }

    public Task<KapiCallResult> CallAsync(KapiRequest request, Func<JsonObject, bool> isValid, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Reconnect() => Reconnected?.Invoke(this, EventArgs.Empty);

    public void Join(string node) => Joined?.Invoke(this, new MediaManager(node, "local", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)));

    public Task DeliverAsync(JsonObject message) =>
        Handler!(new KapiDelivery("conference", LiveEventFixtures.RoutingKey(message), message), CancellationToken.None);

    private sealed class Subscription : IKapiSubscription
    {
        public string QueueName => "amq.gen-fake";

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
