using H = Conferences.Core.Kapi.KapiHeaders;
using K = Conferences.Core.Kapi.KapiKeys;

namespace Conferences.Core.Dial;

// kapi dial as cb_conferences:exec_dial_endpoints/4 sends it: Msg-ID = request id, Timeout always present.
internal static class DialMessage
{
    // ?BRIDGE_DEFAULT_SYSTEM_TIMEOUT_S
    public const int DefaultTimeoutSeconds = 20;

    public static JsonObject Build(
        DialCall call,
        JsonObject dialData,
        IReadOnlyList<JsonObject> endpoints,
        JsonObject applicationVars,
        string msgId,
        KapiSender sender)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(dialData);
        var fields = new JsonObject
        {
            [H.AccountId] = call.AccountId,
            [K.CallerIdName] = call.CallerIdName,
            [K.CallerIdNumber] = call.CallerIdNumber,
            [K.ConferenceId] = call.ConferenceId,
            [K.CustomApplicationVars] = applicationVars.DeepClone(),
            [K.Endpoints] = new JsonArray([.. endpoints.Select(e => (JsonNode)e.DeepClone())]),
            [K.ParticipantFlags] = dialData["participant_flags"] is JsonArray flags ? flags.DeepClone() : null,
            [K.ProfileName] = ActionData.NonEmpty(dialData["profile_name"]),
            [H.MsgId] = msgId,
            [K.OutboundCallId] = ActionData.NonEmpty(dialData["outbound_call_id"]),
            [K.TargetCallId] = ActionData.NonEmpty(dialData["target_call_id"]),
            [K.Timeout] = TimeoutSeconds(dialData),
        };
        return KapiMessage.Build(KapiConference.Dial, fields, sender);
    }

    public static long TimeoutSeconds(JsonObject dialData)
    {
        ArgumentNullException.ThrowIfNull(dialData);
        if (dialData["timeout"] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return DefaultTimeoutSeconds;
        }
        // the node may hold any numeric CLR type (parsed, coerced or built), so read its JSON text
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return Math.Max(seconds, 1);
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var other) && other >= 1
            ? (other >= long.MaxValue ? long.MaxValue : (long)other)
            : DefaultTimeoutSeconds;
    }

    // crossbar waits timeout × 1000 × endpoints ms for dial_resp; capped by maxWait.
    public static TimeSpan Wait(long timeoutSeconds, int endpointCount, TimeSpan maxWait)
    {
        var seconds = (double)timeoutSeconds * Math.Max(endpointCount, 1);
        return seconds >= maxWait.TotalSeconds ? maxWait : TimeSpan.FromSeconds(seconds);
    }
}
