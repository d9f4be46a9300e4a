using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>Authentication and frame-level errors of a session (<c>blackhole_socket_callback</c>, <c>bh_token_auth</c>).</summary>
public sealed class BlackholeSessionAuthTests
{
    private readonly SessionHarness session = new();

    [Fact]
    public async Task Ping_with_a_token_is_answered_pong_with_the_request_id()
    {
        var reply = await session.RequestAsync(Frame("ping", TokenOf(Alice), "ping-1"));

        Assert.Equal("""{"action":"reply","request_id":"ping-1","status":"success","data":{"response":"pong"}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task A_first_frame_without_a_token_is_refused()
    {
        var reply = await session.RequestAsync(Frame("ping", null, "p"));

        Assert.Equal(["authentication token required"], ErrorsOf(reply));
        Assert.Equal("p", (string?)reply["request_id"]);
        Assert.Null(session.Session.Claims);
    }

    [Fact]
    public async Task A_bad_token_is_named_in_the_error()
    {
        Assert.Equal(["failed to authenticate token nope"], ErrorsOf(await session.RequestAsync(Frame("ping", "nope", "p"))));
    }

    [Fact]
    public async Task Once_authenticated_later_frames_need_no_token_and_their_tokens_are_not_checked()
    {
        Success(await session.RequestAsync(Frame("ping", TokenOf(Alice), "1")));

        Success(await session.RequestAsync(Frame("ping", null, "2")));
        Success(await session.RequestAsync(Frame("ping", "garbage", "3")));

        Assert.Equal(Alice, session.Session.Claims!.AccountId);
    }

    [Fact]
    public async Task A_valid_token_in_the_query_authenticates_the_connection()
    {
        await session.Session.AuthenticateOnConnectAsync(TokenOf(Bob), CancellationToken.None);

        Success(await session.RequestAsync(Frame("ping", null, "1")));
        Assert.Equal(Bob, session.Session.Claims!.AccountId);
    }

    [Fact]
    public async Task A_bad_token_in_the_query_fails_the_first_frame_without_a_token_but_not_one_with_a_good_token()
    {
        await session.Session.AuthenticateOnConnectAsync("stale", CancellationToken.None);

        Assert.Equal(["failed to authenticate token stale"], ErrorsOf(await session.RequestAsync(Frame("ping", null, "1"))));
        Success(await session.RequestAsync(Frame("ping", TokenOf(Alice), "2")));
    }

    [Fact]
    public async Task A_missing_request_id_is_answered_with_a_fresh_one()
    {
        var reply = await session.RequestAsync(Frame("ping", TokenOf(Alice), null));

        Assert.Matches("^[0-9a-f]{32}$", (string?)reply["request_id"]);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("42")]
    public async Task A_frame_that_is_not_a_JSON_object_gets_an_error_reply(string text)
    {
        await session.SendAsync(text);

        Assert.Equal([BlackholeErrors.InvalidFrame], ErrorsOf(session.Outbox.Last));
        Assert.Matches("^[0-9a-f]{32}$", (string?)session.Outbox.Last["request_id"]);
    }

    [Fact]
    public async Task An_unknown_action_is_an_error_after_authentication()
    {
        Assert.Equal(["authentication token required"], ErrorsOf(await session.RequestAsync(Frame("dance", null, "1"))));
        Assert.Equal(["unknown action dance: use subscribe, unsubscribe or ping"], ErrorsOf(await session.RequestAsync(Frame("dance", TokenOf(Alice), "2"))));
        Assert.Equal(["unknown action noop: use subscribe, unsubscribe or ping"], ErrorsOf(await session.RequestAsync(new() { ["request_id"] = "3" })));
    }

    [Fact]
    public void A_binary_frame_gets_an_error_reply()
    {
        session.Session.HandleBinary();

        Assert.Equal([BlackholeErrors.BinaryFrame], ErrorsOf(session.Outbox.Last));
    }
}
