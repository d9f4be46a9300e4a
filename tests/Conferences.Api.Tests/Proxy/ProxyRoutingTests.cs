using static Conferences.Api.Tests.Websocket.Frames;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// The proxy recipe of docs/kazoo-cluster.md, run by a real proxy: the conference API (every verb, every sub-path)
/// and the websocket reach this service; Monster UI's other calls reach Kazoo's crossbar (a stand-in here).
/// </summary>
public abstract class ProxyRoutingTests<TFixture>(TFixture proxy) where TFixture : ProxyFixture
{
    private const string MonsterOrigin = "https://monster.example.com";

    [Fact]
    public async Task Conference_crud_actions_and_participants_reach_the_service()
    {
        var account = await proxy.Api.NewAccountAsync();
        var conferences = $"/v2/accounts/{account.Id}/conferences";

        var created = Served(await proxy.SendAsync(HttpMethod.Put, conferences, account.Token, Body.Data(new JsonObject { ["name"] = "Through the proxy" })), HttpStatusCode.Created);
        var id = created.DataObject["id"]!.GetValue<string>();
        var list = Served(await proxy.SendAsync(HttpMethod.Get, $"{conferences}?paginate=false&_=1764000000001", account.Token), HttpStatusCode.OK);
        var get = Served(await proxy.SendAsync(HttpMethod.Get, $"{conferences}/{id}", account.Token), HttpStatusCode.OK);
        var patched = Served(await proxy.SendAsync(HttpMethod.Patch, $"{conferences}/{id}", account.Token, Body.Data(new JsonObject { ["name"] = "Patched" })), HttpStatusCode.OK);
        var locked = Served(await proxy.SendAsync(HttpMethod.Put, $"{conferences}/{id}", account.Token, Body.Data(new JsonObject(), new JsonObject { ["action"] = "lock" })), HttpStatusCode.Created);
        var participants = Served(await proxy.SendAsync(HttpMethod.Get, $"{conferences}/{id}/participants", account.Token), HttpStatusCode.OK);

        Assert.Contains(id, list.DataArray.Select(item => (string?)item!["id"]));
        Assert.Equal("Through the proxy", (string?)get.DataObject["name"]);
        Assert.Equal("Patched", (string?)patched.DataObject["name"]);
        Assert.Equal("ok", (string?)locked.Data);
        Assert.Empty(participants.DataArray);
        // the write landed in the service itself, not somewhere behind the proxy
        Assert.Equal("Patched", (string?)(await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK).DataObject["name"]);
        Served(await proxy.SendAsync(HttpMethod.Delete, $"{conferences}/{id}", account.Token), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Conference_webhooks_reach_the_service()
    {
        var account = await proxy.Api.NewAccountAsync();
        var webhooks = $"/v2/accounts/{account.Id}/conferences_webhooks";
        var document = new JsonObject { ["name"] = "Through the proxy", ["uri"] = "http://203.0.113.10/hook" };

        var created = Served(await proxy.SendAsync(HttpMethod.Put, webhooks, account.Token, Body.Data(document)), HttpStatusCode.Created);
        var id = created.DataObject["id"]!.GetValue<string>();
        var list = Served(await proxy.SendAsync(HttpMethod.Get, webhooks, account.Token), HttpStatusCode.OK);
        var rotated = Served(await proxy.SendAsync(HttpMethod.Put, $"{webhooks}/{id}/secret", account.Token, Body.Data(new JsonObject())), HttpStatusCode.Created);
        var attempts = Served(await proxy.SendAsync(HttpMethod.Get, $"{webhooks}/{id}/attempts", account.Token), HttpStatusCode.OK);
        var accountAttempts = Served(await proxy.SendAsync(HttpMethod.Get, $"{webhooks}/attempts", account.Token), HttpStatusCode.OK);

        Assert.Contains(id, list.DataArray.Select(item => (string?)item!["id"]));
        Assert.NotNull(rotated.DataObject["secret"]);
        Assert.Empty(attempts.DataArray);
        Assert.Empty(accountAttempts.DataArray);
        Served(await proxy.SendAsync(HttpMethod.Delete, $"{webhooks}/{id}", account.Token), HttpStatusCode.OK);
        (await account.GetAsync($"conferences_webhooks/{id}")).ExpectStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preflight_of_a_conference_route_is_answered_by_the_service()
    {
        var path = $"/v2/accounts/{KazooIds.NewId()}/conferences/{KazooIds.NewId()}/participants";

        var answer = await proxy.SendAsync(HttpMethod.Options, path, configure: r =>
        {
            r.Headers.Add("Origin", MonsterOrigin);
            r.Headers.Add("Access-Control-Request-Method", "PUT");
            r.Headers.Add("Access-Control-Request-Headers", "content-type, x-auth-token, x-kazoo-cluster-id");
        });

        // the service answers a pre-flight with an empty body; the stand-in would answer with its envelope
        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(string.Empty, answer.Body);
        Assert.Equal("*", answer.Header("Access-Control-Allow-Origin"));
        Assert.Contains("X-KAZOO-CLUSTER-ID", answer.Header("Access-Control-Allow-Headers")!.ToUpperInvariant(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/v2/user_auth")]
    [InlineData("PUT", "/v2/api_auth")]
    [InlineData("POST", "/v2/auth/tokeninfo")]
    [InlineData("GET", "/v2/whitelabel/monster.example.com")]
    [InlineData("GET", "/v2/accounts/{a}")]
    [InlineData("GET", "/v2/accounts/{a}/users?paginate=false")]
    [InlineData("GET", "/v2/accounts/{a}/users/{a}")]
    [InlineData("GET", "/v2/accounts/{a}/devices")]
    [InlineData("GET", "/v2/accounts/{a}/apps_store")]
    [InlineData("GET", "/v2/accounts/{a}/external_numbers")]
    [InlineData("GET", "/v2/accounts/{a}/alerts")]
    [InlineData("OPTIONS", "/v2/accounts/{a}/users")]
    [InlineData("GET", "/v2/accounts/{a}/conferencesX")]
    [InlineData("GET", "/v2/accounts/{a}/conferences_summary")]
    [InlineData("GET", "/v2/accounts/{a}/webhooks")]
    [InlineData("PUT", "/v2/accounts/{a}/webhooks")]
    [InlineData("GET", "/v2/accounts/{a}/webhooks/attempts")]
    [InlineData("GET", "/v2/accounts/{a}/webhooks/{a}/attempts")]
    [InlineData("GET", "/v2/accounts/{a}/conferences_webhooksX")]
    [InlineData("GET", "/v2/accounts/{a}/conferences_webhook")]
    [InlineData("GET", "/v2/accounts/{A}/conferences")]
    [InlineData("GET", "/v2/accounts/{short}/conferences")]
    [InlineData("GET", "/v2/accounts/{a}/users/{a}/conferences")]
    [InlineData("GET", "/v1/accounts/{a}/conferences")]
    [InlineData("GET", "/v2/conferences")]
    [InlineData("GET", "/wsx")]
    public async Task Everything_else_reaches_kazoos_crossbar(string method, string template)
    {
        var account = KazooIds.NewId();
        var path = template.Replace("{a}", account, StringComparison.Ordinal)
            .Replace("{A}", account.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{short}", account[..31], StringComparison.Ordinal);

        var answer = await proxy.SendAsync(new HttpMethod(method), path, token: "a-kazoo-token", content: method is "PUT" or "POST" ? Body.Data(new JsonObject()) : null, configure: r =>
        {
            if (method == "OPTIONS")
            {
                r.Headers.Add("Origin", MonsterOrigin);
                r.Headers.Add("Access-Control-Request-Method", "GET");
            }
        });

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.True(IsKazoo(answer), $"{method} {path} was not answered by Kazoo's stand-in: {answer.Body}");
        Assert.Equal(method, (string?)answer.DataObject["method"]);
        Assert.Equal(path, (string?)answer.DataObject["path"]);
    }

    [Fact]
    public async Task Kazoo_sees_the_clients_address_and_never_one_the_client_forged()
    {
        var answer = await proxy.SendAsync(HttpMethod.Put, "/v2/user_auth", content: Body.Data(new JsonObject()),
            configure: r => r.Headers.Add("X-Forwarded-For", "203.0.113.9"));

        // crossbar's ip_auth trusts this header from its reverse_proxies (api_resource.erl get_client_ip/1)
        Assert.True(IsKazoo(answer), answer.Body);
        Assert.Equal("127.0.0.1", (string?)answer.DataObject["x_forwarded_for"]);
    }

    [Fact]
    public async Task Websocket_through_the_proxy_subscribes_and_carries_the_conference_viewers_events()
    {
        var account = await proxy.Api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var viewerBinding = $"conference.event.*.{conf}.*";
        await using var ws = await proxy.ConnectWebsocketAsync();

        Assert.Equal([viewerBinding], Strings(Success(await ws.SubscribeAsync(account, viewerBinding))["subscribed"]));
        var carol = await new ConferenceBus(proxy.Api).JoinAsync(conf, account.Id, $"carol-{conf}", "Carol");
        Assert.Equal(E.ConferenceCreate, (string?)(await ws.NextEventAsync())["data"]!["event"]);
        Assert.Equal(E.AddMember, (string?)(await ws.NextEventAsync())["data"]!["event"]);

        // the viewer's participant action, through the proxy, comes back on the socket through the proxy
        var muted = await proxy.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}/conferences/{conf}/participants/{carol.MemberId}", account.Token,
            Body.Data(new JsonObject { ["action"] = "mute" }));

        Served(muted, HttpStatusCode.Created);
        Assert.Equal(E.MuteMember, (string?)(await ws.NextEventAsync())["data"]!["event"]);
    }

    [Fact]
    public async Task Websocket_bindings_of_other_apps_are_refused_by_the_service()
    {
        var account = await proxy.Api.NewAccountAsync();
        await using var ws = await proxy.ConnectWebsocketAsync();

        var reply = await ws.SubscribeAsync(account, "call.CHANNEL_CREATE.*");

        Assert.Equal(["no available subscriptions to requested binding"], Errors(reply));
    }

    private static bool IsKazoo(Answer answer) =>
        (string?)(answer.Data as JsonObject)?["served_by"] == KazooCrossbarStandIn.ServedBy;

    /// <summary>The answer must have the status and come from this service, not from the stand-in.</summary>
    private static Answer Served(Answer answer, HttpStatusCode status)
    {
        answer.ExpectStatus(status);
        Assert.False(IsKazoo(answer), $"answered by Kazoo's stand-in: {answer.Body}");
        return answer;
    }
}

public sealed class HaproxyRoutingTests(HaproxyFixture proxy) : ProxyRoutingTests<HaproxyFixture>(proxy), IClassFixture<HaproxyFixture>;

public sealed class NginxRoutingTests(NginxFixture proxy) : ProxyRoutingTests<NginxFixture>(proxy), IClassFixture<NginxFixture>;
