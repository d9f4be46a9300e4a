namespace Conferences.Core.Tests.Blackhole;

/// <summary>Replies exactly as <c>blackhole_data_emitter:reply/4</c> shapes them (docs/websocket.md).</summary>
public sealed class BlackholeRepliesTests
{
    [Fact]
    public void Pong()
    {
        Assert.Equal("""{"action":"reply","request_id":"r1","status":"success","data":{"response":"pong"}}""", Text(BlackholeReplies.Pong("r1")));
    }

    [Fact]
    public void Subscribed_lists_the_client_bindings()
    {
        Assert.Equal("""{"action":"reply","request_id":"r2","status":"success","data":{"subscribed":["conference.event.c.*","conference.command.c"]}}""",
            Text(BlackholeReplies.Subscribed("r2", ["conference.event.c.*", "conference.command.c"])));
    }

    [Fact]
    public void Unsubscribed_lists_what_went_and_what_remains()
    {
        Assert.Equal("""{"action":"reply","request_id":"r3","status":"success","data":{"unsubscribed":["conference.command.c"],"subscribed":[]}}""",
            Text(BlackholeReplies.Unsubscribed("r3", ["conference.command.c"], [])));
    }

    [Fact]
    public void Errors_are_an_array_of_messages()
    {
        Assert.Equal("""{"action":"reply","request_id":"r4","status":"error","data":{"errors":["authentication token required"]}}""",
            Text(BlackholeReplies.Error("r4", BlackholeErrors.AuthenticationTokenRequired)));
    }

    [Fact]
    public void Kazoos_error_texts()
    {
        Assert.Equal("failed to authenticate token abc", BlackholeErrors.FailedToAuthenticate("abc"));
        Assert.Equal("missing required keys : account_id, binding", BlackholeErrors.MissingKeys(["account_id", "binding"]));
        Assert.Equal("invalid format for conference subscription : event, x", BlackholeErrors.InvalidConferenceFormat(["event", "x"]));
    }

    private static string Text(byte[] frame) => Encoding.UTF8.GetString(frame);
}
