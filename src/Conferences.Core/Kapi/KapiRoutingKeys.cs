namespace Conferences.Core.Kapi;

/// <summary>Exchanges, routing keys, the AMQP-word encoder and topic matching (docs/amqp.md;
/// <c>kz_amqp_util.erl</c>).</summary>
public static class KapiRoutingKeys
{
    public const string ConferenceExchange = "conference";
    public const string ConferenceExchangeType = "topic";

    /// <summary>Replies; the routing key is the requester's queue name (its <c>Server-ID</c>).</summary>
    public const string TargetedExchange = "targeted";
    public const string TargetedExchangeType = "direct";

    /// <summary><c>search_req</c> (and callflow's <c>discovery_req</c>, which this service ignores).</summary>
    public const string Discovery = "conference.discovery";

    public const string DefaultZone = "local";

    /// <summary>Binding for every conference event of any shape (kapi binds <c>conference.event.#</c>).</summary>
    public const string AllEvents = "conference.event.#";

    private const string CommandPrefix = "conference.command.";
    private const string EventPrefix = "conference.event.";
    private const string ConfigPrefix = "conference.config.";

    /// <summary><c>conference.command.{conf}</c>: per-conference commands. The id is inserted raw, as Kazoo does.</summary>
    public static string Command(string conferenceId) => CommandPrefix + conferenceId;

    /// <summary><c>conference.command.{zone}</c>: dial requests, to the media managers of a zone.</summary>
    public static string Dial(string zone = DefaultZone) => CommandPrefix + zone;

    /// <summary>kapi's <c>event_key</c>; a conference-level event has the encoded conference id in the call
    /// slot.</summary>
    public static string Event(string eventName, string accountId, string conferenceId, string? callId = null) =>
        $"{EventPrefix}{eventName}.{accountId}.{conferenceId}.{Encode(callId ?? conferenceId)}";

    /// <summary>The routing key of a built conference event (kapi's <c>event_key</c>).</summary>
    public static string EventFor(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var eventName = KazooJson.GetString(message, KapiKeys.Event);
        var accountId = KazooJson.GetString(message, KapiHeaders.AccountId)
            ?? (message[KapiKeys.CustomChannelVars] is JsonObject ccvs ? KazooJson.GetString(ccvs, KapiHeaders.AccountId) : null);
        var conferenceId = KazooJson.GetString(message, KapiKeys.ConferenceId);
        if (string.IsNullOrEmpty(eventName) || string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(conferenceId))
        {
            throw new ArgumentException("a conference event needs Event, Account-ID and Conference-ID for its routing key", nameof(message));
        }
        var callId = KazooJson.GetString(message, KapiHeaders.CallId);
        return Event(eventName, accountId, conferenceId, string.IsNullOrEmpty(callId) ? null : callId);
    }

    /// <summary><c>conference.event.{conf}.{enc(call)}</c> of the legacy <c>participant_event</c> (published by nothing in HEAD).</summary>
    public static string LegacyParticipantEvent(string conferenceId, string callId) => $"{EventPrefix}{conferenceId}.{Encode(callId)}";

    /// <summary><c>conference.config.{profile}</c>: profile config requests.</summary>
    public static string Config(string profile) => ConfigPrefix + profile;

    /// <summary><c>kz_amqp_util:encode/1</c>: <c>*</c>/<c>#</c> kept, other bytes outside <c>[A-Za-z0-9_~-]</c> as
    /// <c>%XX</c>, space as +.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is "*" or "#")
        {
            return value;
        }
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsKeySafe(b))
            {
                encoded.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
        return encoded.ToString();
    }

    /// <summary>AMQP 0-9-1 topic matching as RabbitMQ does it: an empty key has no word, so <c>*</c> misses it and
    /// <c>#</c> matches.</summary>
    public static bool TopicMatches(string pattern, string routingKey)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(routingKey);
        string[] p = pattern.Length == 0 ? [] : pattern.Split('.');
        string[] k = routingKey.Length == 0 ? [] : routingKey.Split('.');

        // matches[i][j]: pattern words from i match key words from j
        var matches = new bool[p.Length + 1][];
        for (var i = 0; i <= p.Length; i++)
        {
            matches[i] = new bool[k.Length + 1];
        }
        matches[p.Length][k.Length] = true;
        for (var i = p.Length - 1; i >= 0; i--)
        {
            for (var j = k.Length; j >= 0; j--)
            {
                var more = j < k.Length;
                matches[i][j] = p[i] switch
                {
                    "#" => matches[i + 1][j] || (more && matches[i][j + 1]),
                    "*" => more && matches[i + 1][j + 1],
                    _ => more && p[i] == k[j] && matches[i + 1][j + 1],
                };
            }
        }
        return matches[0][0];
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsKeySafe(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'~' or (byte)'_';
}
