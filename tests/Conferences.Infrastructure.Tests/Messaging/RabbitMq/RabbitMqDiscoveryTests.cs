using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// crossbar's searches and dial through <see cref="KapiRequester"/> on RabbitMQ, answered by plain AMQP clients
/// playing ecallmgr the way Kazoo does (<c>kz_amqp_worker.erl</c>): an anonymous queue per manager on
/// <c>conference.discovery</c>, replies to <c>targeted</c> with the request's <c>Server-ID</c>, collection until every
/// known manager answered or Kazoo's 2 s cap, replies with another <c>Msg-ID</c> ignored.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqDiscoveryTests(RabbitMqBrokerFixture broker) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<IAsyncDisposable> cleanup = [];
    private Conferences.Infrastructure.Messaging.RabbitMq.RabbitMqBus bus = null!;
    private KapiRequester requester = null!;

    public async Task InitializeAsync()
    {
        bus = broker.NewBus();
        requester = new KapiRequester(bus, bus, TimeProvider.System, NullLogger<KapiRequester>.Instance);
        // Connected, reply queue declared and a publish confirmed before any clock runs: the timings below are the
        // collection's, not those of a first connection to a broker that may have booted a moment ago.
        Assert.True((await bus.CheckHealthAsync(Ct)).Healthy);
        await requester.CallAsync(new KapiRequest($"conference.warm-up.{KazooIds.NewId()}", Probe("warm-up")), _ => true, TimeSpan.FromMilliseconds(1), Ct);
    }

    public async Task DisposeAsync()
    {
        await requester.DisposeAsync();
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        await bus.DisposeAsync();
    }

    [Fact]
    public async Task Search_stops_as_soon_as_every_known_manager_answered()
    {
        var conference = KazooIds.NewId();
        await EcallmgrAsync(conference, (request, node) => [SearchResp(request, node)]);
        await EcallmgrAsync(conference, (request, node) => [NotHere(request, node)]);
        var discovery = new MediaManagerDiscovery(requester, Managers(2));

        var watch = Stopwatch.StartNew();
        var collected = await discovery.SearchAsync(SearchReq(conference), Ct); // Kazoo's 2000 ms cap

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.False(collected.TimedOut);
        Assert.Equal(["error", "search_resp"], collected.Replies.Select(r => KazooJson.GetString(r, "Event-Name")).Order());
    }

    [Fact]
    public async Task Search_returns_what_arrived_when_the_2_second_cap_elapses()
    {
        var conference = KazooIds.NewId();
        await EcallmgrAsync(conference, (request, node) => [SearchResp(request, node)]);
        var discovery = new MediaManagerDiscovery(requester, Managers(2)); // the second manager never answers

        var watch = Stopwatch.StartNew();
        var collected = await discovery.SearchAsync(SearchReq(conference), Ct);

        Assert.InRange(watch.Elapsed, KapiCollectUntil.DefaultTimeout - TimeSpan.FromMilliseconds(20), KapiCollectUntil.DefaultTimeout + TimeSpan.FromSeconds(1));
        Assert.True(collected.TimedOut);
        Assert.Equal("search_resp", KazooJson.GetString(Assert.Single(collected.Replies), "Event-Name"));
    }

    [Fact]
    public async Task Search_ignores_replies_with_another_msg_id()
    {
        var conference = KazooIds.NewId();
        await EcallmgrAsync(conference, (request, node) =>
        {
            var stale = SearchResp(request, node);
            stale["Msg-ID"] = KapiHeaders.NewMsgId();
            stale["Marker"] = "stale";
            return [stale, SearchResp(request, node)];
        });
        var discovery = new MediaManagerDiscovery(requester, Managers(1));

        var collected = await discovery.SearchAsync(SearchReq(conference), Ct);

        Assert.False(collected.TimedOut);
        Assert.Null(KazooJson.GetString(Assert.Single(collected.Replies), "Marker"));
    }

    [Fact]
    public async Task Search_request_on_the_wire_names_the_reply_queue_bound_to_targeted()
    {
        var conference = KazooIds.NewId();
        var requests = new List<JsonObject>();
        await EcallmgrAsync(conference, (request, node) =>
        {
            lock (requests)
            {
                requests.Add(request);
            }
            return [SearchResp(request, node)];
        });
        var search = SearchReq(conference);

        await new MediaManagerDiscovery(requester, Managers(1)).SearchAsync(search, Ct);

        var sent = Assert.Single(requests);
        Assert.Equal(requester.ServerId, KazooJson.GetString(sent, "Server-ID"));
        Assert.Equal(KazooJson.GetString(search, "Msg-ID"), KazooJson.GetString(sent, "Msg-ID"));
        Assert.Equal(("conference", "search_req", "crossbar"),
            (KazooJson.GetString(sent, "Event-Category"), KazooJson.GetString(sent, "Event-Name"), KazooJson.GetString(sent, "App-Name")));
    }

    [Fact]
    public async Task Dial_is_taken_by_one_manager_of_the_shared_queue_and_answered()
    {
        var zone = KazooIds.NewId();
        var handled = 0;
        foreach (var node in new[] { "ecallmgr@fs1", "ecallmgr@fs2" })
        {
            var manager = await RawAsync();
            // ecallmgr_fs_conferences_shared: one shared queue for every manager of the zone (docs/amqp.md).
            await manager.AnswerAsync("conference", ExchangeType.Topic, $"ecallmgr_fs_conferences_shared_{zone}", exclusive: false, [KapiRoutingKeys.Dial(zone)], request =>
            {
                Interlocked.Increment(ref handled);
                return [new JsonObject
                {
                    ["Event-Category"] = "conference", ["Event-Name"] = "command", ["Application-Name"] = "dial_resp",
                    ["App-Name"] = "ecallmgr", ["App-Version"] = "4.0.0", ["Node"] = node,
                    ["Msg-ID"] = KazooJson.GetString(request, "Msg-ID"),
                    ["Endpoint-Responses"] = new JsonArray(new JsonObject { ["Status"] = "success" }),
                }];
            });
        }
        var dial = Probe("dial");
        dial["Msg-ID"] = "http-request-id";

        var result = await requester.CallAsync(new KapiRequest(KapiRoutingKeys.Dial(zone), dial), reply => KapiMessage.IsValid(KapiConference.DialResp, reply), TimeSpan.FromSeconds(5), Ct);

        Assert.False(result.TimedOut);
        Assert.Equal("http-request-id", KazooJson.GetString(result.Reply!, "Msg-ID"));
        await Task.Delay(250);
        Assert.Equal(1, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task Directory_counts_an_ecallmgr_that_advertises_on_the_nodes_exchange()
    {
        var directory = new MediaManagerDirectory(bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        cleanup.Add(directory);
        await directory.StartAsync(Ct);
        var node = $"ecallmgr@fs-{KazooIds.RandomHex(4)}";
        var manager = await RawAsync();
        // kz_nodes' heartbeat as a Kazoo ecallmgr publishes it: fanout exchange nodes, empty routing key.
        var advertise = $$$"""
            {"Event-Category":"nodes","Event-Name":"advertise","App-Name":"kz_nodes","App-Version":"4.0.0","Msg-ID":"{{{KapiHeaders.NewMsgId()}}}",
             "Node":"{{{node}}}","Expires":5000,"WhApps":{"ecallmgr":{"startup":63912345678}},"Zone":"east","Media-Servers":{}}
            """;

        await manager.PublishAsync("nodes", string.Empty, System.Text.Encoding.UTF8.GetBytes(advertise));

        var watch = Stopwatch.StartNew();
        while (!directory.Managers.Any(m => m.Node == node))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the directory should count the advertised ecallmgr");
            await Task.Delay(20);
        }
        Assert.Equal("east", directory.Managers.Single(m => m.Node == node).Zone);
    }

    /// <summary>A media manager: an anonymous queue on <c>conference.discovery</c>, answering searches for <paramref name="conference"/>.</summary>
    private async Task EcallmgrAsync(string conference, Func<JsonObject, string, IEnumerable<JsonObject>> answer)
    {
        var node = $"ecallmgr@fs-{KazooIds.RandomHex(3)}";
        var manager = await RawAsync();
        await manager.AnswerAsync("conference", ExchangeType.Topic, string.Empty, exclusive: true, [KapiRoutingKeys.Discovery], request =>
            KazooJson.GetString(request, KapiKeys.ConferenceId) == conference ? answer(request, node) : []);
    }

    private async Task<RawAmqp> RawAsync()
    {
        var manager = await RawAmqp.ConnectAsync(broker.Url);
        cleanup.Add(manager);
        return manager;
    }

    private MediaManagerDirectory Managers(int count)
    {
        var directory = new MediaManagerDirectory(bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        cleanup.Add(directory);
        for (var i = 0; i < count; i++)
        {
            directory.Observe(new NodeAdvertisement($"ecallmgr{i}@{KazooIds.RandomHex(4)}", TimeSpan.FromMinutes(1), [KapiNodes.EcallmgrApp]));
        }
        return directory;
    }

    private static JsonObject SearchReq(string conference) =>
        KapiMessage.Build(KapiConference.SearchReq, new JsonObject { [KapiKeys.ConferenceId] = conference }, KapiSender.Crossbar("crossbar@test"));

    private static JsonObject SearchResp(JsonObject request, string node) => new()
    {
        ["Event-Category"] = "conference", ["Event-Name"] = "search_resp", ["App-Name"] = "ecallmgr", ["App-Version"] = "4.0.0",
        ["Node"] = node, ["Msg-ID"] = KazooJson.GetString(request, "Msg-ID"),
        ["Conferences"] = new JsonObject { [KazooJson.GetString(request, KapiKeys.ConferenceId)!] = new JsonObject { ["Participant-Count"] = 1 } },
    };

    private static JsonObject NotHere(JsonObject request, string node) => new()
    {
        ["Event-Category"] = "conference", ["Event-Name"] = "error", ["App-Name"] = "ecallmgr", ["App-Version"] = "4.0.0",
        ["Node"] = node, ["Msg-ID"] = KazooJson.GetString(request, "Msg-ID"), ["Error-Message"] = "Conference not found",
        ["Request"] = request.DeepClone(),
    };

    private static JsonObject Probe(string marker) => new()
    {
        ["Event-Category"] = "conference", ["Event-Name"] = "command", ["Application-Name"] = "dial", ["Marker"] = marker,
    };
}
