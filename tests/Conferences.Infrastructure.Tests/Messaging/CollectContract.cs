namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// <c>call_collect</c> against the media managers: until every known media manager answered (any reply echoing the
/// <c>Msg-ID</c> counts, error replies too), or the cap; no known manager, no request (<c>kz_amqp_worker.erl</c>).
/// </summary>
public abstract class CollectContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Collect_stops_as_soon_as_every_known_media_manager_answered()
    {
        var crossbar = await ConnectAsync();
        var key = DiscoveryKey();
        await ManagerAnswersAsync(key, request => [Reply(request, "manager A")]);
        await ManagerAnswersAsync(key, request => [Reply(request, "manager B")]);
        var discovery = DiscoveryOf(crossbar, 2);

        var watch = Stopwatch.StartNew();
        var collected = await discovery.CollectFromAllAsync(new KapiRequest(key, Probe("search")), TimeSpan.FromSeconds(10), Ct);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.False(collected.TimedOut);
        Assert.Equal(new[] { "manager A", "manager B" }, collected.Replies.Select(r => KazooJson.GetString(r, "Marker")).Order());
    }

    [Fact]
    public async Task Collect_returns_what_arrived_when_the_cap_elapses()
    {
        var crossbar = await ConnectAsync();
        var key = DiscoveryKey();
        await ManagerAnswersAsync(key, request => [Reply(request, "the only answer")]);
        var discovery = DiscoveryOf(crossbar, 2);

        var watch = Stopwatch.StartNew();
        var collected = await discovery.CollectFromAllAsync(new KapiRequest(key, Probe("search")), Cap, Ct);

        Assert.True(watch.Elapsed >= Cap - TimeSpan.FromMilliseconds(20), $"took {watch.Elapsed}");
        Assert.True(collected.TimedOut);
        Assert.Equal("the only answer", KazooJson.GetString(Assert.Single(collected.Replies), "Marker"));
    }

    [Fact]
    public async Task Collect_ignores_replies_with_another_msg_id()
    {
        var crossbar = await ConnectAsync();
        var key = DiscoveryKey();
        await ManagerAnswersAsync(key, request =>
            [Reply(request, "stale", msgId: KapiHeaders.NewMsgId()), Reply(request, "mine")]);
        var discovery = DiscoveryOf(crossbar, 1);

        var collected = await discovery.CollectFromAllAsync(new KapiRequest(key, Probe("search")), TimeSpan.FromSeconds(5), Ct);

        Assert.False(collected.TimedOut);
        Assert.Equal("mine", KazooJson.GetString(Assert.Single(collected.Replies), "Marker"));
    }

    [Fact]
    public async Task Collect_counts_error_replies_of_managers_that_do_not_host_the_conference()
    {
        var crossbar = await ConnectAsync();
        var key = DiscoveryKey();
        await ManagerAnswersAsync(key, request => [Reply(request, "host")]);
        await ManagerAnswersAsync(key, request =>
        {
            var error = Reply(request, "not here");
            error[KapiHeaders.EventName] = "error";
            error[KapiKeys.ErrorMessage] = "Conference not found";
            return [error];
        });
        var discovery = DiscoveryOf(crossbar, 2);

        var collected = await discovery.CollectFromAllAsync(new KapiRequest(key, Probe("search")), TimeSpan.FromSeconds(10), Ct);

        Assert.False(collected.TimedOut);
        Assert.Equal(2, collected.Replies.Count);
    }

    [Fact]
    public async Task No_known_media_manager_means_an_empty_result_at_once_and_nothing_published()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var key = DiscoveryKey();
        var inbox = await ListenAsync(manager, key);
        var discovery = DiscoveryOf(crossbar, 0);

        var watch = Stopwatch.StartNew();
        var collected = await discovery.CollectFromAllAsync(new KapiRequest(key, Probe("search")), TimeSpan.FromSeconds(10), Ct);

        // at once against the 10 s it was given; 2 s leaves room for a loaded machine
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Empty(collected.Replies);
        Assert.False(collected.TimedOut);
        await inbox.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Search_goes_to_conference_discovery()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var conference = NewId();
        var searches = new DeliveryInbox();
        await SubscribeAsync(manager, KapiQueue.Exclusive(KapiRoutingKeys.Discovery), async (delivery, ct) =>
        {
            if (KazooJson.GetString(delivery.Message, KapiKeys.ConferenceId) == conference)
            {
                await searches.Handler(delivery, ct);
                await manager.Publisher.ReplyAsync(KazooJson.GetString(delivery.Message, KapiHeaders.ServerId)!, Reply(delivery.Message, "found"), ct);
            }
        });
        var discovery = DiscoveryOf(crossbar, 1);
        var search = KapiMessage.Build(KapiConference.SearchReq, new JsonObject { [KapiKeys.ConferenceId] = conference }, KapiSender.Crossbar("crossbar@test"));

        var collected = await discovery.SearchAsync(search, TimeSpan.FromSeconds(10), Ct);

        Assert.False(collected.TimedOut);
        var received = await searches.NextAsync();
        Assert.Equal(KapiRoutingKeys.Discovery, received.RoutingKey);
        Assert.Equal(KazooJson.GetString(search, KapiHeaders.MsgId), KazooJson.GetString(received.Message, KapiHeaders.MsgId));
    }

    [Fact]
    public async Task Collect_can_stop_on_a_condition()
    {
        var crossbar = await ConnectAsync();
        var key = DiscoveryKey();
        await ManagerAnswersAsync(key, request => [Reply(request, "first"), Reply(request, "enough"), Reply(request, "more")]);
        var until = KapiCollectUntil.Satisfied(replies => KazooJson.GetString(replies[^1], "Marker") == "enough", TimeSpan.FromSeconds(10));

        var collected = await NewRequester(crossbar).CollectAsync(new KapiRequest(key, Probe("search")), until, Ct);

        Assert.False(collected.TimedOut);
        Assert.Equal(new[] { "first", "enough" }, collected.Replies.Select(r => KazooJson.GetString(r, "Marker")));
    }

    private static string DiscoveryKey() => $"conference.discovery.{NewId()}";

    /// <summary>crossbar's discovery, knowing <paramref name="managers"/> media managers.</summary>
    private MediaManagerDiscovery DiscoveryOf(BusClient crossbar, int managers) => new(NewRequester(crossbar), DirectoryKnowing(crossbar, managers));

    /// <summary>A media manager on a connection of its own, answering each request on <paramref name="key"/>.</summary>
    private async Task ManagerAnswersAsync(string key, Func<JsonObject, IEnumerable<JsonObject>> replies) => await AnswerAsync(await ConnectAsync(), key, replies);
}
