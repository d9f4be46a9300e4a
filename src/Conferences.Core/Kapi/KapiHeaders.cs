namespace Conferences.Core.Kapi;

/// <summary>The headers every kapi message may carry (<c>kz_api.hrl</c>); builders keep these plus the declared keys
/// only.</summary>
public static class KapiHeaders
{
    public const string EventCategory = "Event-Category";
    public const string EventName = "Event-Name";
    public const string AppName = "App-Name";
    public const string AppVersion = "App-Version";
    public const string MsgId = "Msg-ID";

    public const string AccessGroup = "Access-Group";
    public const string DeferResponse = "Defer-Response";
    public const string DestinationServer = "Destination-Server";
    public const string GeoLocation = "Geo-Location";
    public const string SystemLogId = "System-Log-ID";
    public const string AccountId = "Account-ID";
    public const string CallId = "Call-ID";
    public const string Node = "Node";
    public const string ServerQueueId = "Server-Queue-ID";
    public const string RawHeaders = "Raw-Headers";
    public const string ServerId = "Server-ID";
    public const string RequestFromPid = "Request-From-PID";
    public const string ReplyToPid = "Reply-To-PID";
    public const string AmqpBroker = "AMQP-Broker";
    public const string AmqpBrokerZone = "AMQP-Broker-Zone";
    public const string DeliverToPid = "Deliver-To-PID";

    /// <summary>Required on every message (<c>DEFAULT_HEADERS</c>).</summary>
    public static readonly IReadOnlyList<string> Required = [EventCategory, EventName, AppName, AppVersion, MsgId];

    /// <summary>Allowed on every message (<c>OPTIONAL_DEFAULT_HEADERS</c>).</summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        AccessGroup, DeferResponse, DestinationServer, GeoLocation, SystemLogId, AccountId, CallId, Node,
        ServerQueueId, RawHeaders, ServerId, RequestFromPid, ReplyToPid, AmqpBroker, AmqpBrokerZone, DeliverToPid,
    ];

    /// <summary>The headers Kazoo types as strings when present (<c>DEFAULT_TYPES</c>).</summary>
    public static readonly IReadOnlyDictionary<string, KapiValueType> Types = new[]
    {
        ServerId, EventCategory, EventName, AppName, AppVersion, RawHeaders, DestinationServer, GeoLocation, AccessGroup,
        MsgId, AmqpBroker, AmqpBrokerZone,
    }.ToDictionary(header => header, _ => KapiValueType.String, StringComparer.Ordinal);

    private static readonly HashSet<string> All = new([.. Required, .. Optional], StringComparer.Ordinal);

    public static bool IsDefaultHeader(string key) => All.Contains(key);

    /// <summary>16 hex characters, like Kazoo's AMQP worker (<c>kz_binary:rand_hex(8)</c>); opaque to every
    /// consumer.</summary>
    public static string NewMsgId() => KazooIds.RandomHex(8);
}
