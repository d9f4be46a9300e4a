namespace Conferences.Core.Blackhole;

/// <summary><c>blackhole_data_emitter:reply/4</c>; Monster UI matches replies by <c>request_id</c>
/// (docs/clients.md).</summary>
public static class BlackholeReplies
{
    public static byte[] Success(string requestId, JsonObject data) => Render(requestId, BlackholeProtocol.Success, writer => data.WriteTo(writer));

    public static byte[] Error(string requestId, IEnumerable<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Render(requestId, BlackholeProtocol.Error, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray(BlackholeProtocol.ErrorsKey);
            foreach (var error in errors)
            {
                writer.WriteStringValue(error);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static byte[] Error(string requestId, string error) => Error(requestId, [error]);

    /// <summary><c>bh_ping</c>: <c>data</c> = <c>{"response":"pong"}</c>.</summary>
    public static byte[] Pong(string requestId) => Success(requestId, new JsonObject { ["response"] = "pong" });

    public static byte[] Subscribed(string requestId, IEnumerable<string> subscribed) =>
        Success(requestId, new JsonObject { [BlackholeProtocol.SubscribedKey] = Strings(subscribed) });

    /// <summary><c>data.unsubscribed</c>: the bindings named in the request; <c>data.subscribed</c>: what remains.</summary>
    public static byte[] Unsubscribed(string requestId, IEnumerable<string> unsubscribed, IEnumerable<string> subscribed) =>
        Success(requestId, new JsonObject
        {
            [BlackholeProtocol.UnsubscribedKey] = Strings(unsubscribed),
            [BlackholeProtocol.SubscribedKey] = Strings(subscribed),
        });

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static byte[] Render(string requestId, string status, Action<Utf8JsonWriter> writeData)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return BlackholeServerFrame.Render(BlackholeProtocol.Reply,
            (BlackholeProtocol.RequestIdKey, requestId), (BlackholeProtocol.StatusKey, status), writeData, capacity: 256);
    }
}
