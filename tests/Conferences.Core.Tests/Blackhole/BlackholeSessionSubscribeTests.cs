using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;
using static Conferences.Core.Tests.Blackhole.SessionHarness;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>Subscribe validation, authorization and replies (<c>bh_events</c>, <c>bh_authz_subscribe</c>, <c>bh_conference</c>).</summary>
public sealed class BlackholeSessionSubscribeTests
{
    private readonly SessionHarness session = new();

    [Fact]
    public async Task Subscribe_binds_an_exclusive_queue_and_replies_with_the_client_binding()
    {
        var reply = await session.SubscribeAsync(Alice, "conference.event.conf1.*", requestId: "sub-1");

        Assert.Equal("sub-1", (string?)reply["request_id"]);
        Assert.Equal(["conference.event.conf1.*"], Strings(Success(reply)["subscribed"]));
        var queue = Assert.Single(session.Bus.All).Queue;
        Assert.Equal(["conference.event.*.*.conf1.*"], queue.Bindings); // one queue per conference, matched per account in process
        Assert.Equal("conference", queue.Exchange.Name);
        Assert.False(queue.IsShared);
        Assert.Null(queue.Name);
    }

    [Fact]
    public async Task Subscribed_lists_every_binding_of_the_session_and_a_repeat_binds_nothing_new()
    {
        await session.SubscribeAsync(Alice, "conference.event.conf1.*");
        await session.SubscribeAsync(Alice, "conference.command.conf1");

        var reply = await session.SubscribeAsync(Alice, "conference.event.conf1.*");

        Assert.Equal(["conference.event.conf1.*", "conference.command.conf1"], Strings(Success(reply)["subscribed"]));
        Assert.Equal(2, session.Bus.All.Count);
    }

    [Fact]
    public async Task Bindings_array_subscribes_each_and_binding_wins_when_both_are_sent()
    {
        var reply = await session.RequestAsync(Frame("subscribe", TokenOf(Alice), "r", new JsonObject
        {
            ["account_id"] = Alice,
            ["bindings"] = new JsonArray("conference.event.c1.*", "conference.command.c1"),
        }));
        var both = await session.RequestAsync(Frame("subscribe", null, "r", new JsonObject
        {
            ["account_id"] = Alice,
            ["binding"] = "conference.event.c2.*",
            ["bindings"] = new JsonArray("conference.event.c3.*"),
        }));

        Assert.Equal(["conference.event.c1.*", "conference.command.c1"], Strings(Success(reply)["subscribed"]));
        Assert.Equal(["conference.event.c1.*", "conference.command.c1", "conference.event.c2.*"], Strings(Success(both)["subscribed"]));
    }

    [Fact]
    public async Task Missing_data_or_keys_are_named()
    {
        var token = TokenOf(Alice);

        Assert.Equal(["missing required keys in data object"], ErrorsOf(await session.RequestAsync(Frame("subscribe", token, "1"))));
        Assert.Equal(["missing required keys in data object"], ErrorsOf(await session.RequestAsync(Frame("subscribe", token, "2", []))));
        Assert.Equal(["missing required keys : binding"], ErrorsOf(await session.RequestAsync(Frame("subscribe", token, "3", new() { ["account_id"] = Alice }))));
        Assert.Equal(["missing required keys : account_id"], ErrorsOf(await session.RequestAsync(Frame("subscribe", token, "4", new() { ["binding"] = "conference.event.c.*" }))));
        Assert.Equal(["missing required keys : account_id, binding"], ErrorsOf(await session.RequestAsync(Frame("subscribe", token, "5", new() { ["name"] = "x" }))));
        Assert.Empty(session.Bus.All);
    }

    [Theory]
    [InlineData(42, "binding must be a non-empty string")]
    [InlineData("", "binding must be a non-empty string")]
    public async Task A_binding_that_is_not_a_string_is_refused(object value, string error)
    {
        var data = new JsonObject { ["account_id"] = Alice, ["binding"] = JsonValue.Create(value) };

        Assert.Equal([error], ErrorsOf(await session.RequestAsync(Frame("subscribe", TokenOf(Alice), "1", data))));
    }

    [Fact]
    public async Task Bindings_must_be_a_non_empty_array_of_strings()
    {
        foreach (var bad in new JsonNode?[] { new JsonArray(), new JsonArray("conference.event.c.*", 3), JsonValue.Create("conference.event.c.*") })
        {
            var reply = await session.RequestAsync(Frame("subscribe", TokenOf(Alice), "1", new JsonObject { ["account_id"] = Alice, ["bindings"] = bad }));
            Assert.Equal(["bindings must be a non-empty array of non-empty strings"], ErrorsOf(reply));
        }
    }

    [Theory]
    [InlineData("conference.event.*.*", "ConferenceId required")]
    [InlineData("conference.command.*", "ConferenceId required")]
    [InlineData("conference.event.c1", "invalid format for conference subscription : event, c1")]
    [InlineData("conference.event.*.c1.call", "invalid format for conference subscription : event, *, c1, call")]
    public async Task Malformed_conference_bindings_get_bh_conferences_errors(string binding, string error)
    {
        Assert.Equal([error], ErrorsOf(await session.SubscribeAsync(Alice, binding)));
        Assert.Empty(session.Bus.All);
    }

    [Fact]
    public async Task Every_malformed_binding_of_an_array_is_reported()
    {
        var reply = await session.RequestAsync(Frame("subscribe", TokenOf(Alice), "1", new JsonObject
        {
            ["account_id"] = Alice,
            ["bindings"] = new JsonArray("conference.event.*.*", "conference.event.ok.*", "conference.x"),
        }));

        Assert.Equal(["ConferenceId required", "invalid format for conference subscription : x"], ErrorsOf(reply));
        Assert.Empty(session.Bus.All);
    }

    [Fact]
    public async Task An_unknown_family_is_refused_after_authorization()
    {
        Assert.Equal(["no available subscriptions to requested binding"], ErrorsOf(await session.SubscribeAsync(Alice, "call.CHANNEL_CREATE.*")));
        Assert.Equal(["unauthorized account id"], ErrorsOf(await session.SubscribeAsync(Bob, "call.CHANNEL_CREATE.*", token: TokenOf(Alice))));
    }

    [Fact]
    public async Task A_malformed_binding_is_reported_before_the_account_is_checked()
    {
        Assert.Equal(["ConferenceId required"], ErrorsOf(await session.SubscribeAsync(Bob, "conference.event.*.*", token: TokenOf(Alice))));
    }

    [Fact]
    public async Task Own_and_descendant_accounts_are_allowed_others_are_not()
    {
        await session.RequestAsync(Frame("ping", TokenOf(Alice), "auth"));

        Success(await session.SubscribeAsync(Alice, "conference.event.c1.*"));
        Success(await session.SubscribeAsync(AliceChild, "conference.event.c2.*"));
        Assert.Equal(["unauthorized account id"], ErrorsOf(await session.SubscribeAsync(Bob, "conference.event.c3.*")));
        Assert.Equal(["unauthorized account id"], ErrorsOf(await session.SubscribeAsync(Master, "conference.event.c4.*")));
        Assert.Equal(["unauthorized account id"], ErrorsOf(await session.RequestAsync(Frame("subscribe", null, "x",
            new JsonObject { ["account_id"] = 12, ["binding"] = "conference.event.c5.*" }))));
        Assert.Equal(2, session.Bus.All.Count);
    }

    [Fact]
    public async Task The_wildcard_account_is_for_super_duper_admins_only()
    {
        var alice = new SessionHarness();
        var admin = new SessionHarness();

        Assert.Equal(["unauthorized wildcard account id"], ErrorsOf(await alice.SubscribeAsync("*", "conference.event.c1.*", token: TokenOf(Alice))));
        Success(await admin.SubscribeAsync("*", "conference.event.c1.*", token: SuperToken));
        Assert.Equal(["conference.event.*.*.c1.*"], Assert.Single(admin.Bus.All).Queue.Bindings);
    }

    [Fact]
    public async Task The_subscription_limit_refuses_bindings_beyond_it()
    {
        var limited = new SessionHarness(maxBindings: 2);
        Success(await limited.SubscribeAsync(Alice, "conference.event.c1.*"));
        Success(await limited.SubscribeAsync(Alice, "conference.event.c2.*"));

        Assert.Equal(["subscription limit reached: at most 2 bindings per connection"], ErrorsOf(await limited.SubscribeAsync(Alice, "conference.event.c3.*")));
        Success(await limited.SubscribeAsync(Alice, "conference.event.c1.*"));
        Assert.Equal(2, limited.Bus.All.Count);
    }

    [Fact]
    public async Task A_bus_that_is_down_fails_the_subscribe_and_keeps_nothing()
    {
        session.Bus.Unavailable = true;

        Assert.Equal(["the event bus is unavailable, try again later"], ErrorsOf(await session.SubscribeAsync(Alice, "conference.event.c1.*")));
        Assert.Empty(session.Session.Bindings);

        session.Bus.Unavailable = false;
        Assert.Equal(["conference.event.c1.*"], Strings(Success(await session.SubscribeAsync(Alice, "conference.event.c1.*"))["subscribed"]));
    }
}
