namespace Conferences.Core.Tests.Blackhole;

/// <summary>A session over the in-process bus (observed) and the fake authenticator, with helpers to send frames and read its replies.</summary>
internal sealed class SessionHarness
{
    public SessionHarness(int maxBindings = 100)
        : this(new ObservedBus(), maxBindings)
    {
    }

    /// <summary>A session of the process whose hub runs on <paramref name="bus"/>; <paramref name="hub"/> shares one. The
    /// hub ends a conference's queue with its last socket unless <paramref name="replay"/> says otherwise, its idle
    /// expiry measured by <paramref name="clock"/>.</summary>
    public SessionHarness(ObservedBus bus, int maxBindings = 100, BlackholeEventHub? hub = null, BlackholeReplayOptions? replay = null, TimeProvider? clock = null)
    {
        Bus = bus;
        Hub = hub ?? new BlackholeEventHub(bus, NullLogger<BlackholeEventHub>.Instance, replay ?? NoLinger, clock);
        Session = new BlackholeSession(Authenticator, Hub, Snapshots, Outbox, new BlackholeSessionOptions { MaxBindings = maxBindings },
            NullLogger<BlackholeSession>.Instance);
    }

    /// <summary>The window of the defaults, ended with the conference's last socket.</summary>
    public static BlackholeReplayOptions NoLinger { get; } = new() { IdleExpiry = TimeSpan.Zero };

    public FakeSnapshots Snapshots { get; } = new();

    public FakeAuthenticator Authenticator { get; } = new();

    public ObservedBus Bus { get; }

    public BlackholeEventHub Hub { get; }

    public RecordingOutbox Outbox { get; } = new();

    public BlackholeSession Session { get; }

    public Task SendAsync(string text) => Session.HandleAsync(Encoding.UTF8.GetBytes(text), CancellationToken.None);

    /// <summary>
    /// Sends <paramref name="frame"/> and returns the reply it produced: the last reply sent (event frames of other
    /// sessions' deliveries may follow it when several sessions share a hub).
    /// </summary>
    public async Task<JsonObject> RequestAsync(JsonObject frame)
    {
        await SendAsync(frame.ToJsonString());
        return Outbox.Frames.Last(f => (string?)f["action"] == "reply");
    }

    public Task<JsonObject> SubscribeAsync(string account, string binding, string? token = null, string requestId = "req") =>
        SubscribeAsync(account, new JsonObject { ["binding"] = binding }, token, requestId);

    /// <summary>A subscribe whose <c>data</c> is <paramref name="data"/> plus <c>account_id</c>.</summary>
    public Task<JsonObject> SubscribeAsync(string account, JsonObject data, string? token = null, string requestId = "req")
    {
        data["account_id"] = account;
        return RequestAsync(Frame("subscribe", token ?? FakeAuthenticator.TokenOf(account), requestId, data));
    }

    public Task<JsonObject> UnsubscribeAsync(string account, string binding, string requestId = "req") =>
        RequestAsync(Frame("unsubscribe", FakeAuthenticator.TokenOf(account), requestId,
            new JsonObject { ["account_id"] = account, ["binding"] = binding }));

    public static JsonObject Frame(string action, string? token, string? requestId, JsonObject? data = null)
    {
        var frame = new JsonObject { ["action"] = action };
        if (token is not null)
        {
            frame["auth_token"] = token;
        }
        if (requestId is not null)
        {
            frame["request_id"] = requestId;
        }
        if (data is not null)
        {
            frame["data"] = data;
        }
        return frame;
    }

    public static string[] ErrorsOf(JsonObject reply)
    {
        Assert.Equal("reply", (string?)reply["action"]);
        Assert.Equal("error", (string?)reply["status"]);
        return [.. reply["data"]!["errors"]!.AsArray().Select(e => (string)e!)];
    }

    public static JsonObject Success(JsonObject reply)
    {
        Assert.True((string?)reply["status"] == "success", reply.ToJsonString());
        Assert.Equal("reply", (string?)reply["action"]);
        return reply["data"]!.AsObject();
    }

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(e => (string)e!)];
}
