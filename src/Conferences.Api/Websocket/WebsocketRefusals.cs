namespace Conferences.Api.Websocket;

// /ws refusals (400, 429) as Kazoo error envelopes, where Blackhole sends an empty body (docs/websocket.md).
internal static class WebsocketRefusals
{
    public static Envelope NotAWebsocket(string path) => Refusal(400, "bad_request",
        $"{path} speaks the Blackhole websocket protocol: connect with a websocket client (ws://host:port{path})");

    public static Envelope SubProtocols() => Refusal(400, "bad_request", "websocket sub-protocols are not supported");

    public static Envelope TooManyConnections(string address, int limit) => Refusal(429, "too_many_requests",
        $"too many requests: {address} has {limit} websocket connections open already");

    private static Envelope Refusal(int status, string name, string message) => new()
    {
        Status = status,
        ErrorName = name,
        Data = new JsonObject { ["message"] = message },
    };
}
