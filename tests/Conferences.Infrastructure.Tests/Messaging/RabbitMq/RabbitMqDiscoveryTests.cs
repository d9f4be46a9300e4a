namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// crossbar's searches through <see cref="KapiRequester"/> on RabbitMQ, answered by plain AMQP clients
/// playing ecallmgr the way Kazoo does (<c>kz_amqp_worker.erl</c>): an anonymous queue per manager on
/// <c>conference.discovery</c>, replies to <c>targeted</c> with the request's <c>Server-ID</c>, collection until every
/// known manager answered or Kazoo's 2 s cap, replies with another <c>Msg-ID</c> ignored.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqDiscoveryTests(RabbitMqBrokerFixture broker) : RabbitMqDiscoveryHarness(broker)
{
    [Fact]
    public async Task Search_stops_as_soon_as_every_known_manager_answered()
    {
        var conference = KazooIds.NewId();
        await EcallmgrAsync(conference, (request, node) => [SearchResp(request, node)]);
        await EcallmgrAsync(conference, (request, node) => [NotHere(request, node)]);
        var discovery = new MediaManagerDiscovery(Requester, Managers(2));

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
        var discovery = new MediaManagerDiscovery(Requester, Managers(2)); // the second manager never answers

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
        var discovery = new MediaManagerDiscovery(Requester, Managers(1));

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

        await new MediaManagerDiscovery(Requester, Managers(1)).SearchAsync(search, Ct);

        var sent = Assert.Single(requests);
        Assert.Equal(Requester.ServerId, KazooJson.GetString(sent, "Server-ID"));
        Assert.Equal(KazooJson.GetString(search, "Msg-ID"), KazooJson.GetString(sent, "Msg-ID"));
        Assert.Equal(("conference", "search_req", "crossbar"),
            (KazooJson.GetString(sent, "Event-Category"), KazooJson.GetString(sent, "Event-Name"), KazooJson.GetString(sent, "App-Name")));
    }

    /// <summary>A media manager: an anonymous queue on <c>conference.discovery</c>, answering searches for <paramref name="conference"/>.</summary>
    private async Task EcallmgrAsync(string conference, Func<JsonObject, string, IEnumerable<JsonObject>> answer)
    {
        var node = $"ecallmgr@fs-{KazooIds.RandomHex(3)}";
        var manager = await RawAsync();
        await manager.AnswerAsync("conference", ExchangeType.Topic, string.Empty, exclusive: true, [KapiRoutingKeys.Discovery], request =>
            KazooJson.GetString(request, KapiKeys.ConferenceId) == conference ? answer(request, node) : []);
    }

    private MediaManagerDirectory Managers(int count)
    {
        var directory = new MediaManagerDirectory(Bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        Track(directory);
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

}
