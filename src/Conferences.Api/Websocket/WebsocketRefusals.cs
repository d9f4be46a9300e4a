namespace Conferences.Api.Websocket;

/// <summary>
/// HTTP answers of <c>/ws</c> when no websocket is opened (docs/websocket.md: Blackhole answers 400 to
/// sub-protocols and 429 over <c>max_connections_per_ip</c>, with an empty body). Here they are Kazoo error
/// envelopes with <c>Content-Type: application/json</c> (docs/clients.md, docs/compatibility.md).
/// </summary>
internal static class WebsocketRefusals
{
    public static Envelope NotAWebsocket(string path) => Refusal(400, "bad_request",
        $"{path} speaks the Blackhole websocket protocol: connect with a websocket client (ws://host:port{path})");

    public static Envelope SubProtocols() => Refusal(400, "bad_request", "websocket sub-protocols are not supported");

    /// <summary>crossbar's <c>too_many_requests</c> system error, with the limit explained.</summary>
    public static Envelope TooManyConnections(string address, int limit) => Refusal(429, "too_many_requests",
        $"too many requests: {address} has {limit} websocket connections open already");

    private static Envelope Refusal(int status, string name, string message) => new()
    {
        Status = status,
        ErrorName = name,
        Data = new JsonObject { ["message"] = message },
    };
}
