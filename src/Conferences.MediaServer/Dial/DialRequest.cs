using System.Text.Json;

namespace Conferences.MediaServer.Dial;

internal sealed record DialRequest(
    string MsgId,
    string? ServerId,
    string ConferenceId,
    string? AccountId,
    string? CallerIdName,
    string? CallerIdNumber,
    JsonObject CustomChannelVars,
    JsonObject CustomApplicationVars,
    string? OutboundCallId,
    IReadOnlyList<string> ParticipantFlags,
    int TimeoutSeconds,
    IReadOnlyList<JsonObject> Endpoints)
{
    // A missing Timeout takes defaultTimeoutSeconds.
    public static DialRequest From(JsonObject message, int defaultTimeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(message);
        var timeout = KazooJson.GetLong(message, KapiKeys.Timeout) is { } seconds and > 0 ? (int)Math.Min(seconds, int.MaxValue) : defaultTimeoutSeconds;
        return new(
            KazooJson.GetString(message, KapiHeaders.MsgId)!,
            NonEmpty(KazooJson.GetString(message, KapiHeaders.ServerId)),
            KazooJson.GetString(message, KapiKeys.ConferenceId)!,
            NonEmpty(KazooJson.GetString(message, KapiHeaders.AccountId)),
            NonEmpty(KazooJson.GetString(message, KapiKeys.CallerIdName)),
            NonEmpty(KazooJson.GetString(message, KapiKeys.CallerIdNumber)),
            ObjectOrEmpty(message[KapiKeys.CustomChannelVars]),
            ObjectOrEmpty(message[KapiKeys.CustomApplicationVars]),
            NonEmpty(KazooJson.GetString(message, KapiKeys.OutboundCallId)),
            message[KapiKeys.ParticipantFlags] is JsonArray flags
                ? [.. flags.OfType<JsonValue>().Where(f => f.GetValueKind() == JsonValueKind.String).Select(f => f.GetValue<string>())]
                : [],
            timeout,
            [.. ((JsonArray)message[KapiKeys.Endpoints]!).OfType<JsonObject>()]);
    }

    // Account-ID, else the first endpoint's CCV Account-ID, else the request's; "undefined" (Erlang's rendering) when
    // none.
    public string ConferenceAccountId =>
        AccountId
        ?? Endpoints.Select(e => e[KapiKeys.CustomChannelVars] is JsonObject ccvs ? NonEmpty(KazooJson.GetString(ccvs, KapiHeaders.AccountId)) : null)
            .FirstOrDefault(id => id is not null)
        ?? NonEmpty(KazooJson.GetString(CustomChannelVars, KapiHeaders.AccountId))
        ?? "undefined";

    internal static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static JsonObject ObjectOrEmpty(JsonNode? node) => node is JsonObject obj ? obj.DeepClone().AsObject() : [];
}
