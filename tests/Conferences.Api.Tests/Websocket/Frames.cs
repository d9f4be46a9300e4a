namespace Conferences.Api.Tests.Websocket;

/// <summary>Assertions on Blackhole replies and event frames (docs/websocket.md).</summary>
public static class Frames
{
    public static string[] Errors(JsonObject reply)
    {
        Assert.True((string?)reply["status"] == "error", $"expected an error reply: {reply.ToJsonString()}");
        return [.. reply["data"]!["errors"]!.AsArray().Select(e => (string)e!)];
    }

    public static JsonObject Success(JsonObject reply)
    {
        Assert.True((string?)reply["status"] == "success", $"expected a success reply: {reply.ToJsonString()}");
        return reply["data"]!.AsObject();
    }

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(e => (string)e!)];

    public static string? RoutingKey(JsonObject frame) => (string?)frame["routing_key"];

    public static string? SubscribedKey(JsonObject frame) => (string?)frame["subscribed_key"];

    /// <summary>The routing key ecallmgr publishes an event with (docs/amqp.md): the call id, or the conference id for conference-level events.</summary>
    public static string EventKey(string eventName, string accountId, string conferenceId, string? callId = null) =>
        $"conference.event.{eventName}.{accountId}.{conferenceId}.{callId ?? conferenceId}";

    /// <summary>An event or snapshot frame's cursor (docs/websocket.md, "Cursors").</summary>
    public static string Cursor(JsonObject frame) => (string?)frame["cursor"] ?? throw new InvalidOperationException($"no cursor: {frame.ToJsonString()}");

    /// <summary>The instance's sequence number in a cursor, for checking order.</summary>
    public static long SequenceOf(string cursor) => long.Parse(cursor[(cursor.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
