namespace Conferences.Core.Blackhole;

/// <summary>Wire names of Blackhole's protocol (<c>blackhole_socket_handler.erl</c>,
/// <c>blackhole_data_emitter.erl</c>).</summary>
public static class BlackholeProtocol
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Ping = "ping";

    /// <summary>The action of a frame without one (<c>blackhole_socket_handler</c> defaults to <c>noop</c>).</summary>
    public const string Noop = "noop";

    public const string Reply = "reply";

    public const string Event = "event";

    public const string Success = "success";
    public const string Error = "error";

    public const string ActionKey = "action";
    public const string AuthTokenKey = "auth_token";
    public const string RequestIdKey = "request_id";
    public const string DataKey = "data";
    public const string NameKey = "name";
    public const string MetadataKey = "metadata";
    public const string StatusKey = "status";

    public const string AccountIdKey = "account_id";
    public const string BindingKey = "binding";

    /// <summary>D8: the README's array form, accepted besides <c>binding</c>.</summary>
    public const string BindingsKey = "bindings";

    public const string SubscribedKey = "subscribed";
    public const string UnsubscribedKey = "unsubscribed";
    public const string ErrorsKey = "errors";

    public const string SubscribedKeyKey = "subscribed_key";
    public const string SubscriptionKeyKey = "subscription_key";
    public const string RoutingKeyKey = "routing_key";

    /// <summary>Cursors and snapshots (docs/websocket.md, "Cursors"): additions to Kazoo's protocol.</summary>
    public const string CursorKey = "cursor";
    public const string SinceKey = "since";
    public const string SnapshotKey = "snapshot";
    public const string SnapshotAction = "snapshot";

    /// <summary>The account wildcard of a subscription, allowed to super-duper admins only (<c>bh_authz_subscribe</c>).</summary>
    public const string AnyAccount = "*";
}
