namespace Conferences.Core.Blackhole;

/// <summary>Kazoo's <c>data.errors</c> texts first, then this service's for what Kazoo lacks
/// (docs/websocket.md).</summary>
public static class BlackholeErrors
{
    public const string AuthenticationTokenRequired = "authentication token required";

    public const string MissingDataObject = "missing required keys in data object";

    public const string UnauthorizedAccountId = "unauthorized account id";

    public const string UnauthorizedWildcardAccountId = "unauthorized wildcard account id";

    public const string ConferenceIdRequired = "ConferenceId required";

    public const string NoAvailableSubscriptions = "no available subscriptions to requested binding";

    public const string InvalidFrame = "invalid frame: a JSON object is expected";

    public const string BinaryFrame = "binary frames are not supported: send JSON text frames";

    public const string InvalidBindings = "bindings must be a non-empty array of non-empty strings";

    public const string InvalidBinding = "binding must be a non-empty string";

    public const string BusUnavailable = "the event bus is unavailable, try again later";

    public const string DatastoreUnavailable = "the account could not be checked (datastore unavailable), try again later";

    public const string SnapshotUnavailable = "the conference could not be read for a snapshot (datastore unavailable), try again later";

    public const string InvalidSince = "since must be a string: the cursor of an event frame";

    public const string InvalidSnapshot = "snapshot must be a boolean";

    public static string InvalidCursor(string since) => $"since is not a cursor of this service: {since}";

    public static string FailedToAuthenticate(string token) => $"failed to authenticate token {token}";

    /// <summary><c>bh_events</c> joins the missing keys with <c>", "</c> (<c>kz_binary:join/1</c>).</summary>
    public static string MissingKeys(IEnumerable<string> keys) => $"missing required keys : {string.Join(", ", keys)}";

    /// <summary>The binding's words after <c>conference</c>, joined with <c>", "</c> as <c>bh_conference</c> does.</summary>
    public static string InvalidConferenceFormat(IEnumerable<string> keys) =>
        $"invalid format for conference subscription : {string.Join(", ", keys)}";

    public static string UnknownAction(string action) => $"unknown action {action}: use subscribe, unsubscribe or ping";

    public static string TooManySubscriptions(int limit) => $"subscription limit reached: at most {limit} bindings per connection";
}
