namespace Conferences.Core.Messaging;

/// <summary>
/// Kazoo's node heartbeats (<c>kapi_nodes.erl</c>, <c>kz_nodes.erl</c>): every Kazoo node publishes an
/// <c>advertise</c> message to the <c>nodes</c> fanout exchange every 5–15 s with <c>Expires</c> = that interval in
/// milliseconds and its applications in <c>WhApps</c>; a listener forgets a node not heard from for
/// <c>Expires × 1.25</c>. crossbar's searches wait for one reply per node running <c>ecallmgr</c>
/// (<c>kz_nodes:whapp_count(ecallmgr, true)</c>), which is what <see cref="MediaManagerDirectory"/> counts.
/// </summary>
public static class KapiNodes
{
    public const string Exchange = "nodes";
    public const string Category = "nodes";
    public const string AdvertiseEventName = "advertise";

    /// <summary>The sender <c>kz_nodes</c> uses for its advertisements.</summary>
    public const string AppName = "kz_nodes";
    public const string AppVersion = "4.0.0";

    public const string Expires = "Expires";
    public const string WhApps = "WhApps";
    public const string Zone = "Zone";

    /// <summary>The application that makes a node a media-server manager.</summary>
    public const string EcallmgrApp = "ecallmgr";

    /// <summary><c>kz_nodes</c>' <c>FUDGE_FACTOR</c>: a node expires <c>Expires × 1.25</c> after its last heartbeat.</summary>
    public const double ExpiryFudgeFactor = 1.25;

    /// <summary>Kazoo's zone when a node names none.</summary>
    public const string DefaultZone = "local";

    /// <summary>The <c>advertise</c> message for <paramref name="node"/> (a fresh <c>Msg-ID</c> each time).</summary>
    public static JsonObject Advertise(NodeAdvertisement node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var whapps = new JsonObject();
        foreach (var app in node.WhApps)
        {
            whapps[app] = new JsonObject();
        }
        var message = new JsonObject
        {
            [KapiHeaders.EventCategory] = Category,
            [KapiHeaders.EventName] = AdvertiseEventName,
            [KapiHeaders.AppName] = AppName,
            [KapiHeaders.AppVersion] = AppVersion,
            [KapiHeaders.MsgId] = KapiHeaders.NewMsgId(),
            [KapiHeaders.Node] = node.Node,
            [Expires] = (long)node.Expires.TotalMilliseconds,
            [WhApps] = whapps,
        };
        if (!string.IsNullOrEmpty(node.Zone))
        {
            message[Zone] = node.Zone;
        }
        return message;
    }

    /// <summary>
    /// Reads an <c>advertise</c> message as <c>kz_nodes:from_json/2</c> does: <c>Node</c> and <c>Expires</c>
    /// required, <c>WhApps</c> an object keyed by application (or, from older nodes, a list of names),
    /// <c>Zone</c> else <c>AMQP-Broker-Zone</c>. False for anything else.
    /// </summary>
    public static bool TryRead(JsonObject message, out NodeAdvertisement advertisement)
    {
        ArgumentNullException.ThrowIfNull(message);
        advertisement = null!;
        if (KazooJson.GetString(message, KapiHeaders.EventCategory) != Category
            || KazooJson.GetString(message, KapiHeaders.EventName) != AdvertiseEventName
            || KazooJson.GetString(message, KapiHeaders.Node) is not { Length: > 0 } node
            || KazooJson.GetLong(message, Expires) is not { } expires)
        {
            return false;
        }
        IReadOnlyList<string> whapps = message[WhApps] switch
        {
            JsonObject apps => [.. apps.Select(app => app.Key)],
            JsonArray apps => [.. apps.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())],
            _ => [],
        };
        var zone = KazooJson.GetString(message, Zone) ?? KazooJson.GetString(message, KapiHeaders.AmqpBrokerZone);
        advertisement = new(node, TimeSpan.FromMilliseconds(Math.Max(0, expires)), whapps, zone);
        return true;
    }
}
