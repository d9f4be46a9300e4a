namespace Conferences.Core.Dial;

// The data of a dial answer (cb_conferences:exec_dial_endpoints/4); all come with 201.
internal static class DialResponses
{
    public const string TimedOutMessage = "timed out trying to dial endpoints";
    public const string NoMediaServerMessage = "conference dial failed to find a media server";

    // kz_api:remove_defaults/1 then kz_json:normalize/1.
    public static JsonObject FromReply(JsonObject reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = new JsonObject();
        foreach (var (key, value) in reply)
        {
            if (!KapiHeaders.IsDefaultHeader(key))
            {
                body[key] = value?.DeepClone();
            }
        }
        return KazooJson.NormalizeObject(body);
    }

    public static JsonObject TimedOut() => Error(TimedOutMessage);

    // Kazoo: kz_amqp_worker:call/4 returned another error.
    public static JsonObject NoMediaServer() => Error(NoMediaServerMessage);

    private static JsonObject Error(string message) => new() { ["status"] = "error", ["message"] = message };
}
