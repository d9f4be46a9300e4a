namespace Conferences.Core.Messaging;

/// <summary>Counts ecallmgr nodes as <c>kz_nodes</c> does, for a real ecallmgr and the simulator alike (docs/amqp.md,
/// "Nodes").</summary>
public sealed partial class MediaManagerDirectory(
    IKapiSubscriber subscriber,
    TimeProvider clock,
    ILogger<MediaManagerDirectory> logger) : IMediaManagerDirectory, IBusListener
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, MediaManager> managers = new(StringComparer.Ordinal);
    private IKapiSubscription? subscription;

    public event EventHandler<MediaManager>? Joined;

    public static string Activity => "listen to node heartbeats";

    public IReadOnlyList<MediaManager> Managers
    {
        get
        {
            lock (gate)
            {
                RemoveExpired(clock.GetUtcNow());
                return [.. managers.Values.OrderBy(m => m.Node, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Idempotent.</summary>
    /// <exception cref="BusUnavailableException">the bus is down; call again later.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref subscription) is not null)
        {
            return;
        }
        var started = await subscriber.SubscribeAsync(KapiQueue.Exclusive(KapiExchange.Nodes, []), OnAdvertiseAsync, cancellationToken)
            .ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref subscription, started, null) is not null)
        {
            await started.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref subscription, null) is { } running)
        {
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Takes one <c>advertise</c> message into account (what the bus consumer does for each delivery).</summary>
    public void Observe(JsonObject message)
    {
        if (KapiNodes.TryRead(message, out var advertisement))
        {
            Observe(advertisement);
        }
    }

    public void Observe(NodeAdvertisement advertisement)
    {
        ArgumentNullException.ThrowIfNull(advertisement);
        var now = clock.GetUtcNow();
        MediaManager? joined = null;
        lock (gate)
        {
            RemoveExpired(now);
            if (!advertisement.IsMediaManager)
            {
                if (managers.Remove(advertisement.Node))
                {
                    LogLeft(advertisement.Node);
                }
                return;
            }
            var manager = new MediaManager(
                advertisement.Node,
                advertisement.Zone ?? KapiNodes.DefaultZone,
                now,
                now + (advertisement.Expires * KapiNodes.ExpiryFudgeFactor));
            if (!managers.ContainsKey(manager.Node))
            {
                joined = manager;
            }
            managers[manager.Node] = manager;
        }
        if (joined is not null)
        {
            LogJoined(joined.Node, joined.Zone);
            Joined?.Invoke(this, joined);
        }
    }

    private Task OnAdvertiseAsync(KapiDelivery delivery, CancellationToken ct)
    {
        Observe(delivery.Message);
        return Task.CompletedTask;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var expired in managers.Values.Where(m => m.ExpiresAt < now).ToList())
        {
            managers.Remove(expired.Node);
            LogExpired(expired.Node, expired.LastHeartbeat);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media manager {Node} (zone {Zone}) is on the bus")]
    private partial void LogJoined(string node, string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} no longer runs ecallmgr")]
    private partial void LogLeft(string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media manager {Node} heartbeat has expired (last heard {LastHeartbeat})")]
    private partial void LogExpired(string node, DateTimeOffset lastHeartbeat);
}
