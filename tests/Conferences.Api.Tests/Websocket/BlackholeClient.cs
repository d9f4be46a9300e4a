namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// A websocket client of the Blackhole protocol for tests: sends frames, waits for the reply with a given
/// <c>request_id</c> (keeping event frames that arrive meanwhile, in order) and reads event frames, always under a
/// generous deadline.
/// </summary>
public sealed class BlackholeClient(WebSocket socket) : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly Queue<JsonObject> events = new();
    private int requests;

    public WebSocket Socket => socket;

    /// <summary>Event frames read while waiting for a reply and not taken yet.</summary>
    public int PendingEvents => events.Count;

    /// <summary>A client of the in-memory test server's websocket support, at <c>/ws</c> plus <paramref name="query"/>.</summary>
    public static async Task<BlackholeClient> ConnectAsync(ApiFactory api, string query = "")
    {
        var client = api.Server.CreateWebSocketClient();
        var socket = await client.ConnectAsync(new Uri($"ws://localhost/ws{query}"), CancellationToken.None);
        return new BlackholeClient(socket);
    }

    public Task SendAsync(JsonObject frame) => SendTextAsync(frame.ToJsonString());

    public async Task SendTextAsync(string text)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    /// <summary>Sends a frame with a fresh <c>request_id</c> and returns its reply.</summary>
    public async Task<JsonObject> RequestAsync(string action, string? token, JsonObject? data = null)
    {
        var requestId = $"req-{Interlocked.Increment(ref requests)}-{Guid.NewGuid():N}";
        var frame = new JsonObject { ["action"] = action, ["request_id"] = requestId };
        if (token is not null)
        {
            frame["auth_token"] = token;
        }
        if (data is not null)
        {
            frame["data"] = data;
        }
        await SendAsync(frame);
        return await ReplyAsync(requestId);
    }

    public Task<JsonObject> SubscribeAsync(TestAccount account, string binding, string? accountId = null) =>
        RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = accountId ?? account.Id, ["binding"] = binding });

    public Task<JsonObject> UnsubscribeAsync(TestAccount account, string binding) =>
        RequestAsync("unsubscribe", account.Token, new JsonObject { ["account_id"] = account.Id, ["binding"] = binding });

    /// <summary>The reply carrying <paramref name="requestId"/>; event frames read before it are kept for <see cref="NextEventAsync"/>.</summary>
    public async Task<JsonObject> ReplyAsync(string requestId)
    {
        while (true)
        {
            var frame = await ReadAsync();
            if ((string?)frame["action"] == "event")
            {
                events.Enqueue(frame);
                continue;
            }
            Assert.Equal("reply", (string?)frame["action"]);
            Assert.True((string?)frame["request_id"] == requestId, $"reply to {frame["request_id"]} while waiting for {requestId}: {frame.ToJsonString()}");
            return frame;
        }
    }

    /// <summary>The next frame of any kind (kept events first), within <paramref name="within"/> (default <see cref="Deadline"/>).</summary>
    public async Task<JsonObject> NextAsync(TimeSpan? within = null) => events.Count > 0 ? events.Dequeue() : await ReadAsync(within);

    public async Task<JsonObject> NextEventAsync(TimeSpan? within = null)
    {
        var frame = await NextAsync(within);
        Assert.True((string?)frame["action"] == "event", $"expected an event frame: {frame.ToJsonString()}");
        return frame;
    }

    /// <summary>
    /// Reads event frames until <paramref name="count"/> with <c>data.event</c> = <paramref name="eventName"/> arrived,
    /// checking that every frame read is routed by <paramref name="binding"/> (its <c>subscribed_key</c>), as a client
    /// that routes frames by the binding it sent (Monster UI) needs.
    /// </summary>
    public async Task<List<JsonObject>> EventsAsync(string binding, string eventName, int count, TimeSpan? within = null)
    {
        var found = new List<JsonObject>();
        while (found.Count < count)
        {
            var frame = await NextEventAsync(within);
            Assert.Equal(binding, (string?)frame["subscribed_key"]);
            if ((string?)frame["data"]?["event"] == eventName)
            {
                found.Add(frame);
            }
        }
        return found;
    }

    /// <summary>Reads until the server's close frame; returns the frames read before it and the close status and reason.</summary>
    public async Task<(int Frames, WebSocketCloseStatus? Status, string? Reason)> ReadUntilClosedAsync(TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? Deadline);
        var frames = events.Count;
        events.Clear();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (frames, result.CloseStatus, result.CloseStatusDescription);
            }
            if (result.EndOfMessage)
            {
                frames++;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var deadline = new CancellationTokenSource(Deadline);
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // the server went first
            }
        }
        socket.Dispose();
    }

    private async Task<JsonObject> ReadAsync(TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? Deadline);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, deadline.Token);
            Assert.True(result.MessageType != WebSocketMessageType.Close, $"socket closed: {result.CloseStatus} {result.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }
}
