using H = Conferences.Core.Kapi.KapiHeaders;
using K = Conferences.Core.Kapi.KapiKeys;

namespace Conferences.Core.Realtime;

/// <summary><see cref="ReceivedAt"/> stands in for the join and start times the events do not carry.</summary>
public sealed record LiveEvent(
    string Event,
    string AccountId,
    string ConferenceId,
    string InstanceId,
    long ReceivedAt)
{
    public string? CallId { get; init; }

    public long? ParticipantId { get; init; }

    public string? CallerIdName { get; init; }

    public string? CallerIdNumber { get; init; }

    public LiveChannelVars? ChannelVars { get; init; }

    public CompactJson? CustomChannelVars { get; init; }

    public string? SwitchHostname { get; init; }

    /// <summary>Only <c>Event-Name: event</c> qualifies; missing account and participant ids fall back
    /// (docs/amqp.md).</summary>
    public static bool TryRead(JsonObject message, string routingKey, long receivedAt, out LiveEvent? read)
    {
        ArgumentNullException.ThrowIfNull(message);
        read = null;
        if (LiveJson.GetString(message, H.EventName) != KapiConference.Event.EventName
            || LiveJson.GetString(message, K.Event) is not { } eventName
            || LiveJson.GetString(message, K.ConferenceId) is not { } conferenceId
            || LiveJson.GetString(message, K.InstanceId) is not { } instanceId
            || (LiveJson.GetString(message, H.AccountId) ?? AccountFromRoutingKey(routingKey)) is not { } accountId)
        {
            return false;
        }
        LiveChannelVars? vars = message[K.ConferenceChannelVars] is JsonObject channelVars ? LiveChannelVars.From(channelVars) : null;
        read = new LiveEvent(eventName, accountId, conferenceId, instanceId, receivedAt)
        {
            CallId = LiveJson.GetString(message, H.CallId),
            ParticipantId = LiveJson.GetLong(message[K.ParticipantId]) ?? vars?.MemberId,
            CallerIdName = LiveJson.GetString(message, K.CallerIdName),
            CallerIdNumber = LiveJson.GetString(message, K.CallerIdNumber),
            ChannelVars = vars,
            CustomChannelVars = CompactJson.From(message[K.CustomChannelVars]),
            SwitchHostname = HostOf(LiveJson.GetString(message, H.Node)),
        };
        return true;
    }

    public static string? HostOf(string? node) =>
        node is null ? null : node.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? node[(at + 1)..] : node;

    private static string? AccountFromRoutingKey(string routingKey)
    {
        // conference.event.{Event}.{acct}.{conf}.{call}
        var words = routingKey.Split('.');
        return words.Length == 6 && words[0] == KapiRoutingKeys.ConferenceExchange && words[1] == "event" && words[3].Length > 0
            ? words[3]
            : null;
    }
}
