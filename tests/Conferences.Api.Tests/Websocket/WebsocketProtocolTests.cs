using static Conferences.Api.Tests.Websocket.Frames;

namespace Conferences.Api.Tests.Websocket;

/// <summary>
/// <c>/ws</c> through the test server's websocket client: ping, authentication and authorization errors, bad
/// bindings and <c>request_id</c> echo, exactly as Blackhole answers them (docs/websocket.md, docs/clients.md).
/// </summary>
public sealed class WebsocketProtocolTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Ping_is_answered_pong_with_the_request_id()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        await ws.SendAsync(new JsonObject { ["action"] = "ping", ["auth_token"] = account.Token, ["request_id"] = "ping-42" });
        var reply = await ws.ReplyAsync("ping-42");

        Assert.Equal("""{"action":"reply","request_id":"ping-42","status":"success","data":{"response":"pong"}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task Subscribe_without_a_token_is_refused()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        var reply = await ws.RequestAsync("subscribe", null, Subscription(account.Id, "conference.event.c1.*"));

        Assert.Equal(["authentication token required"], Errors(reply));
    }

    [Fact]
    public async Task Subscribe_with_a_bad_token_names_it()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        var reply = await ws.RequestAsync("subscribe", "not-a-token", Subscription(account.Id, "conference.event.c1.*"));

        Assert.Equal(["failed to authenticate token not-a-token"], Errors(reply));
    }

    [Fact]
    public async Task A_tampered_token_fails_like_Monster_UI_expects()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);
        var tampered = account.Token[..^2] + (account.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        var reply = await ws.RequestAsync("subscribe", tampered, Subscription(account.Id, "conference.event.c1.*"));

        Assert.StartsWith("failed to authenticate token", Assert.Single(Errors(reply)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_to_a_foreign_account_is_unauthorized()
    {
        var alice = await api.NewAccountAsync();
        var bob = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        Assert.Equal(["unauthorized account id"], Errors(await ws.SubscribeAsync(alice, "conference.event.c1.*", accountId: bob.Id)));
        Assert.Equal(["unauthorized account id"], Errors(await ws.SubscribeAsync(alice, "conference.event.c1.*", accountId: new string('f', 32))));
        Assert.Equal(["unauthorized wildcard account id"], Errors(await ws.SubscribeAsync(alice, "conference.event.c1.*", accountId: "*")));
    }

    [Fact]
    public async Task Subscribe_to_a_descendant_account_and_the_master_wildcard_are_allowed()
    {
        var parent = await api.NewAccountAsync();
        var child = await api.NewAccountAsync(parent);
        var master = await api.MasterAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);
        await using var admin = await BlackholeClient.ConnectAsync(api);

        Assert.Equal(["conference.event.c1.*"], Strings(Success(await ws.SubscribeAsync(parent, "conference.event.c1.*", accountId: child.Id))["subscribed"]));
        Assert.Equal(["conference.event.c1.*"], Strings(Success(await admin.SubscribeAsync(master, "conference.event.c1.*", accountId: "*"))["subscribed"]));
    }

    [Theory]
    [InlineData("conference.event.*.*", "ConferenceId required")]
    [InlineData("conference.command.*", "ConferenceId required")]
    [InlineData("conference.event.c1", "invalid format for conference subscription : event, c1")]
    [InlineData("conference.event.add-member.c1.*", "invalid format for conference subscription : event, add-member, c1, *")]
    [InlineData("call.CHANNEL_CREATE.*", "no available subscriptions to requested binding")]
    public async Task Bad_bindings_get_Blackholes_errors(string binding, string error)
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        Assert.Equal([error], Errors(await ws.SubscribeAsync(account, binding)));
    }

    [Fact]
    public async Task Missing_keys_are_named()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        Assert.Equal(["missing required keys : binding"], Errors(await ws.RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = account.Id })));
        Assert.Equal(["missing required keys in data object"], Errors(await ws.RequestAsync("subscribe", account.Token)));
    }

    [Fact]
    public async Task Every_reply_echoes_the_request_id_and_a_missing_one_is_made_up()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        foreach (var (action, id) in new[] { ("ping", "a-1"), ("subscribe", "b-2"), ("unsubscribe", "c-3"), ("dance", "d-4") })
        {
            await ws.SendAsync(new JsonObject
            {
                ["action"] = action,
                ["auth_token"] = account.Token,
                ["request_id"] = id,
                ["data"] = Subscription(account.Id, "conference.event.c1.*"),
            });
            Assert.Equal(id, (string?)(await ws.ReplyAsync(id))["request_id"]);
        }
        await ws.SendTextAsync("""{"action":"ping"}""");
        Assert.Matches("^[0-9a-f]{32}$", (string?)(await ws.NextAsync())["request_id"]);
    }

    [Fact]
    public async Task A_frame_that_is_not_JSON_gets_an_error_and_the_socket_stays_usable()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        await ws.SendTextAsync("{oops");
        Assert.Equal(["invalid frame: a JSON object is expected"], Errors(await ws.NextAsync()));
        Success(await ws.RequestAsync("ping", account.Token));
    }

    [Fact]
    public async Task A_frame_of_many_kilobytes_is_read_whole()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api);

        await ws.SendAsync(new JsonObject
        {
            ["action"] = "ping",
            ["auth_token"] = account.Token,
            ["request_id"] = "big",
            ["metadata"] = new JsonObject { ["padding"] = new string('m', 20_000) },
        });

        Success(await ws.ReplyAsync("big"));
    }

    [Fact]
    public async Task A_token_in_the_query_string_authenticates_the_connection()
    {
        var account = await api.NewAccountAsync();
        await using var ws = await BlackholeClient.ConnectAsync(api, $"?auth_token={account.Token}");

        Assert.Equal(["conference.event.c1.*"], Strings(Success(await ws.RequestAsync("subscribe", null, Subscription(account.Id, "conference.event.c1.*")))["subscribed"]));
    }

    [Fact]
    public async Task A_plain_HTTP_request_to_ws_is_a_json_error_envelope()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/ws");

        answer.ExpectError(HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal("application/json", answer.Header("Content-Type"));
        Assert.Contains("websocket", answer.DataObject["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sub_protocols_are_refused_with_400()
    {
        var answer = await api.SendAsync(HttpMethod.Get, "/ws", configure: r => r.Headers.Add("Sec-WebSocket-Protocol", "chat"));
        var client = api.Server.CreateWebSocketClient();
        client.SubProtocols.Add("chat");

        answer.ExpectError(HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal("application/json", answer.Header("Content-Type"));
        Assert.Equal("websocket sub-protocols are not supported", answer.DataObject["message"]!.GetValue<string>());
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri("ws://localhost/ws"), CancellationToken.None));
        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    private static JsonObject Subscription(string accountId, string binding) => new() { ["account_id"] = accountId, ["binding"] = binding };
}
