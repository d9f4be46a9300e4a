namespace Conferences.MediaServer.Dial;

// dial_resp as ecallmgr_fs_conferences_shared builds it (kapi_conference:dial_resp/1); a missing endpoint id is
// omitted.
internal static class DialReplies
{
    public const string Dialing = "dialing endpoints";
    public const string UserBusy = "USER_BUSY";
    public const string Timeout = "timeout";
    public const string UnknownFailure = "unknown failure";

    public static JsonObject Success(string? endpointId, string callId) =>
        Item("success", Dialing, endpointId, callId);

    public static JsonObject Error(string? endpointId, string reason) =>
        Item("error", reason, endpointId, callId: null);

    public static JsonObject Response(string msgId, IEnumerable<JsonObject> items, KapiSender sender)
    {
        var fields = new JsonObject
        {
            [KapiHeaders.MsgId] = msgId,
            [KapiKeys.EndpointResponses] = new JsonArray([.. items]),
        };
        return KapiMessage.Build(KapiConference.DialResp, fields, sender);
    }

    private static JsonObject Item(string status, string message, string? endpointId, string? callId)
    {
        var item = new JsonObject { ["Status"] = status, ["Message"] = message };
        if (endpointId is not null)
        {
            item["Endpoint-ID"] = endpointId;
        }
        if (callId is not null)
        {
            item[KapiHeaders.CallId] = callId;
        }
        return item;
    }
}
