namespace Conferences.Core.Dial;

/// <summary>
/// The <c>data</c> of a dial answer (<c>cb_conferences:exec_dial_endpoints/4</c>); all three come
/// with HTTP 201.
/// </summary>
internal static class DialResponses
{
    public const string TimedOutMessage = "timed out trying to dial endpoints";
    public const string NoMediaServerMessage = "conference dial failed to find a media server";

    /// <summary>
    /// The <c>dial_resp</c> without the common kapi headers, keys normalised (<c>kz_api:remove_defaults/1</c> then
    /// <c>kz_json:normalize/1</c>): <c>{"endpoint_responses":[{"status":…,"message":…,"endpoint_id":…,"call_id":…}]}</c>.
    /// </summary>
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

    /// <summary>No valid <c>dial_resp</c> within the wait.</summary>
    public static JsonObject TimedOut() => Error(TimedOutMessage);

    /// <summary>Any other failure of the request/reply (Kazoo: <c>kz_amqp_worker:call/4</c> returned another error).</summary>
    public static JsonObject NoMediaServer() => Error(NoMediaServerMessage);

    private static JsonObject Error(string message) => new() { ["status"] = "error", ["message"] = message };
}
