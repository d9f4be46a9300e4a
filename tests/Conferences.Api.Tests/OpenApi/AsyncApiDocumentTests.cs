using Conferences.Api.Tests.Webhooks;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.Api.Tests.OpenApi;

/// <summary>
/// The AsyncAPI document at <c>/asyncapi.json</c> (docs/websocket.md, docs/webhooks.md): valid AsyncAPI 3.0 for the
/// AsyncAPI Initiative's parser (<c>tools/asyncapi-validate.sh install</c>, which build.sh runs), and true to the wire —
/// the frames of a live websocket session and a webhook delivery match the schemas it documents.
/// </summary>
public sealed class AsyncApiDocumentTests(WebhookDeliveryFactory api) : IClassFixture<WebhookDeliveryFactory>
{
    private static readonly TimeSpan ParseTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_served_document_is_valid_AsyncAPI_3_0()
    {
        var script = NodeScript.Tool("tools/asyncapi-validate.sh install", "asyncapi-validate", "validate.mjs");
        var file = Path.Combine(Path.GetTempPath(), $"conferences-asyncapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString());
        try
        {
            var (exitCode, stdout, stderr) = await NodeScript.RunAsync(ParseTimeout, new Dictionary<string, string>(), script, file);
            var report = NodeScript.Report(stdout) ?? throw new InvalidOperationException($"the parser did not report (exit {exitCode}):\n{stdout}\n{stderr}");
            // errors and warnings fail; information (e.g. "a newer AsyncAPI version exists") does not
            var problems = report["diagnostics"]!.AsArray()
                .Where(d => (string?)d!["severity"] is "error" or "warning")
                .Select(d => $"{d!["severity"]} {d["code"]} {d["path"]}: {d["message"]}")
                .ToList();
            Assert.True(problems.Count == 0 && (bool)report["parsed"]!, $"exit {exitCode}:\n{string.Join('\n', problems)}\n{stderr}");
            Assert.Equal("3.0.0", (string?)report["version"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_websocket_server_is_the_host_and_path_that_served_it()
    {
        var document = await DocumentAsync();

        Assert.Equal("localhost", (string?)document["servers"]!["websocket"]!["host"]);
        Assert.Equal("/ws", (string?)document["servers"]!["websocket"]!["pathname"]);
        Assert.Equal("/ws", (string?)document["channels"]!["blackhole"]!["address"]);
        var moved = JsonNode.Parse(AsyncApi.AsyncApiEndpoint.Render(new Microsoft.AspNetCore.Http.HostString("conferences.example.com:8443"), "/events"))!;
        Assert.Equal("conferences.example.com:8443", (string?)moved["servers"]!["websocket"]!["host"]);
        Assert.Equal("/events", (string?)moved["servers"]!["websocket"]!["pathname"]);
    }

    [Fact]
    public async Task Frames_of_a_live_session_match_their_documented_schemas()
    {
        var schemas = new AsyncApiSchemas(await DocumentAsync());
        var account = await api.NewAccountAsync();
        var conf = KazooIds.NewId();
        var bus = new ConferenceBus(api);
        await using var ws = await BlackholeClient.ConnectAsync(api);
        var frames = new List<JsonObject>
        {
            await ws.RequestAsync("ping", account.Token),
            await ws.RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = "not-an-account", ["binding"] = $"conference.event.{conf}.*" }),
            await ws.RequestAsync("subscribe", account.Token, new JsonObject { ["account_id"] = account.Id, ["binding"] = $"conference.command.{conf}" }),
        };
        var alice = await bus.JoinAsync(conf, account.Id, $"alice-{conf}", "Alice");
        frames.Add(await ws.RequestAsync("subscribe", account.Token,
            new JsonObject { ["account_id"] = account.Id, ["binding"] = $"conference.event.{conf}.*", ["snapshot"] = true }));
        frames.Add(await ws.NextAsync());
        await bus.JoinAsync(conf, account.Id, $"bob-{conf}", "Bob");
        await bus.CommandAsync(KapiConference.MuteParticipant, conf, alice.MemberId);
        while (!frames.Any(f => (string?)f["data"]?["event"] == E.MuteMember))
        {
            frames.Add(await ws.NextAsync());
        }

        Assert.Contains(frames, f => (string?)f["action"] == "snapshot");
        Assert.Contains(frames, f => (string?)f["name"] == "command");
        Assert.Contains(frames, f => (string?)f["data"]?["event"] == E.AddMember);
        Assert.Contains(frames, f => (string?)f["status"] == "error");
        foreach (var frame in frames)
        {
            await schemas.AssertMatchesAsync(AsyncApiSchemas.ForFrame(frame), frame);
        }
    }

    [Fact]
    public async Task A_webhook_delivery_matches_its_documented_headers_and_body()
    {
        var document = await DocumentAsync();
        var schemas = new AsyncApiSchemas(document);
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        await account.CreateWebhookAsync(Webhooks.Webhooks.For(receiver, new JsonObject { ["custom_data"] = new JsonObject { ["tenant"] = "acme" } }));
        var conf = KazooIds.NewId();

        await new ConferenceBus(api).JoinAsync(conf, account.Id, $"dave-{conf}", "Dave");
        // at least once: a resent delivery has the same event_id
        var deliveries = (await receiver.AcceptedUntilAsync(E.AddMember)).DistinctBy(d => d.Json["event_id"]!.GetValue<string>()).ToList();

        var headerNames = document["components"]!["schemas"]!["WebhookHeaders"]!["properties"]!.AsObject().Select(p => p.Key);
        foreach (var delivery in deliveries)
        {
            await schemas.AssertMatchesAsync("WebhookDelivery", delivery.Json);
            var headers = new JsonObject();
            foreach (var name in headerNames.Where(delivery.Headers.ContainsKey))
            {
                headers[name] = delivery.Headers[name];
            }
            await schemas.AssertMatchesAsync("WebhookHeaders", headers);
        }
        Assert.Equal([E.ConferenceCreate, E.AddMember], deliveries.Select(d => d.Event));
    }

    [Fact]
    public async Task The_schemas_refuse_what_the_service_does_not_send()
    {
        var schemas = new AsyncApiSchemas(await DocumentAsync());
        var reply = new JsonObject { ["action"] = "reply", ["request_id"] = "r1", ["status"] = "success", ["data"] = new JsonObject { ["response"] = "pong" } };
        Assert.Empty(await schemas.ProblemsAsync("ReplyFrame", reply));

        reply["status"] = "maybe";
        Assert.NotEmpty(await schemas.ProblemsAsync("ReplyFrame", reply));
        var uncursored = new JsonObject
        {
            ["action"] = "event", ["subscribed_key"] = "conference.event.c.*", ["subscription_key"] = "conference.event.*.a.c.*",
            ["name"] = "event", ["routing_key"] = "conference.event.lock.a.c.c",
            ["data"] = new JsonObject { ["event_category"] = "conference", ["event_name"] = "event", ["event"] = E.Lock, ["conference_id"] = "c", ["instance_id"] = "i" },
        };
        Assert.NotEmpty(await schemas.ProblemsAsync("EventFrame", uncursored));
        Assert.NotEmpty(await schemas.ProblemsAsync("WebhookDelivery", new JsonObject { ["event"] = E.Lock, ["event_id"] = "x", ["sequence"] = 1 }));
    }

    private async Task<JsonObject> DocumentAsync()
    {
        var answer = await api.SendAsync(HttpMethod.Get, AsyncApi.AsyncApiEndpoint.Path);
        answer.ExpectStatus(HttpStatusCode.OK);
        return answer.Json!.AsObject();
    }
}
