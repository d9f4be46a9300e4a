namespace Conferences.Core.Messaging;

/// <summary><c>kz_nodes.erl</c>'s heartbeats, which <see cref="MediaManagerDirectory"/> counts (docs/amqp.md,
/// "Nodes").</summary>
public static class KapiNodes
{
    public const string Exchange = "nodes";
    public const string Category = "nodes";
    public const string AdvertiseEventName = "advertise";

    public const string AppName = "kz_nodes";
    public const string AppVersion = "4.0.0";

    public const string Expires = "Expires";
    public const string WhApps = "WhApps";
    public const string Zone = "Zone";

    public const string EcallmgrApp = "ecallmgr";

    /// <summary><c>kz_nodes</c>' <c>FUDGE_FACTOR</c>: a node expires <c>Expires × 1.25</c> after its last heartbeat.</summary>
    public const double ExpiryFudgeFactor = 1.25;

    public const string DefaultZone = "local";

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

    /// <summary>As <c>kz_nodes:from_json/2</c> reads it: <c>WhApps</c> an object or a list, <c>Zone</c> else
    /// <c>AMQP-Broker-Zone</c>.</summary>
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
