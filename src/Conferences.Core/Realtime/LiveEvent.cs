using H = Conferences.Core.Kapi.KapiHeaders;
using K = Conferences.Core.Kapi.KapiKeys;

namespace Conferences.Core.Realtime;

/// <summary>
/// A conference <c>event</c> message (<c>kapi_conference:event/1</c>) read into what the live state needs, stamped with the
/// Gregorian second it arrived (<see cref="ReceivedAt"/>: the join time of an <c>add-member</c> and the start time
/// of a <c>conference-create</c>, which the events do not carry). <see cref="SwitchHostname"/> is the host part of
/// the event's <c>Node</c> (the media node, <c>freeswitch@host</c>).
/// </summary>
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

    /// <summary>The full current vars of a member event; null when the event carries none.</summary>
    public LiveChannelVars? ChannelVars { get; init; }

    public CompactJson? CustomChannelVars { get; init; }

    public string? SwitchHostname { get; init; }

    /// <summary>
    /// Reads a delivery of <c>conference.event.#</c>. Only <c>Event-Name: event</c> with <c>Event</c>,
    /// <c>Conference-ID</c> and <c>Instance-ID</c> qualifies (the legacy <c>participant_event</c> of <c>kapi_conference:participant_event/1</c> shares the
    /// binding and is ignored). The account is <c>Account-ID</c>, else the routing key's account word
    /// (<c>conference.event.{Event}.{acct}.{conf}.{call}</c>). The participant id is <c>Participant-ID</c>, else
    /// <c>Conference-Channel-Vars.Member-ID</c> (they are equal, <c>kapi_conference:search_resp/1</c>).
    /// </summary>
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

    /// <summary>The host part of an Erlang node name (<c>freeswitch@fs1.example.com</c> → <c>fs1.example.com</c>).</summary>
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
