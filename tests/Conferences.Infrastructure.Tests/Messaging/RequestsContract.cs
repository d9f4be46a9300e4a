namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>
/// Request/reply as <c>kz_amqp_worker</c> does it: <c>Server-ID</c> and <c>Msg-ID</c> on the request, replies on
/// <c>targeted</c> filtered by <c>Msg-ID</c>, <c>call</c> until the first valid reply (<c>kz_amqp_worker.erl</c>).
/// </summary>
public abstract class RequestsContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Request_carries_the_reply_address_and_keeps_its_msg_id()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var key = KapiRoutingKeys.Dial(NewId());
        var inbox = await ListenAsync(manager, key);
        var requester = NewRequester(crossbar);
        var request = Probe("dial");
        request[KapiHeaders.MsgId] = "request-id-from-http";

        await requester.CallAsync(new KapiRequest(key, request), _ => true, TimeSpan.FromMilliseconds(50), Ct);

        var sent = (await inbox.NextAsync()).Message;
        Assert.Equal(requester.ServerId, KazooJson.GetString(sent, KapiHeaders.ServerId));
        Assert.Equal("request-id-from-http", KazooJson.GetString(sent, KapiHeaders.MsgId));
        Assert.Equal("request-id-from-http", KazooJson.GetString(sent, KapiHeaders.SystemLogId));
        Assert.False(request.ContainsKey(KapiHeaders.ServerId), "the caller's message is not modified");
    }

    [Fact]
    public async Task Request_without_msg_id_gets_a_fresh_one()
    {
        var (crossbar, manager) = (await ConnectAsync(), await ConnectAsync());
        var key = KapiRoutingKeys.Dial(NewId());
        var inbox = await ListenAsync(manager, key);
        var request = Probe("dial");
        request.Remove(KapiHeaders.MsgId);

        await NewRequester(crossbar).CallAsync(new KapiRequest(key, request), _ => true, TimeSpan.FromMilliseconds(50), Ct);

        Assert.Matches("^[0-9a-f]{16}$", KazooJson.GetString((await inbox.NextAsync()).Message, KapiHeaders.MsgId));
    }

    [Fact]
    public async Task Call_returns_the_first_valid_reply()
    {
        var crossbar = await ConnectAsync();
        var key = KapiRoutingKeys.Dial(NewId());
        await AnswerAsync(await ConnectAsync(), key, request =>
            [Reply(request, "invalid"), Reply(request, "valid"), Reply(request, "valid too")]);

        var result = await NewRequester(crossbar).CallAsync(
            new KapiRequest(key, Probe("dial")), reply => KazooJson.GetString(reply, "Marker")!.StartsWith("valid", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);

        Assert.False(result.TimedOut);
        Assert.Equal("valid", KazooJson.GetString(result.Reply!, "Marker"));
        Assert.Equal("invalid", KazooJson.GetString(Assert.Single(result.Rejected), "Marker"));
    }

    [Fact]
    public async Task Call_times_out_without_a_valid_reply()
    {
        var crossbar = await ConnectAsync();
        var key = KapiRoutingKeys.Dial(NewId());
        await AnswerAsync(await ConnectAsync(), key, request => [Reply(request, "invalid")]);

        var watch = Stopwatch.StartNew();
        var result = await NewRequester(crossbar).CallAsync(new KapiRequest(key, Probe("dial")), _ => false, Cap, Ct);

        Assert.True(watch.Elapsed >= Cap - TimeSpan.FromMilliseconds(20), $"took {watch.Elapsed}");
        Assert.True(result.TimedOut);
        Assert.Null(result.Reply);
        Assert.Single(result.Rejected);
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_replies()
    {
        var crossbar = await ConnectAsync();
        var key = KapiRoutingKeys.Dial(NewId());
        await AnswerAsync(await ConnectAsync(), key, request => [Reply(request, KazooJson.GetString(request, "Marker")!)]);
        var requester = NewRequester(crossbar);

        var calls = Enumerable.Range(0, 10).Select(i =>
            requester.CallAsync(new KapiRequest(key, Probe($"request {i}")), _ => true, TimeSpan.FromSeconds(10), Ct));
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"request {i}"), results.Select(r => KazooJson.GetString(r.Reply!, "Marker")));
    }

    [Fact]
    public async Task Dial_on_the_shared_queue_is_answered_by_one_media_manager()
    {
        var crossbar = await ConnectAsync();
        var zone = NewId();
        var queue = KapiQueue.Shared($"ecallmgr_fs_conferences_shared_{zone}", KapiExchange.Conference, [KapiRoutingKeys.Dial(zone)]);
        var handled = 0;
        foreach (var node in new[] { "A", "B" })
        {
            var manager = await ConnectAsync();
            await SubscribeAsync(manager, queue, async (delivery, ct) =>
            {
                Interlocked.Increment(ref handled);
                await manager.Publisher.ReplyAsync(KazooJson.GetString(delivery.Message, KapiHeaders.ServerId)!, Reply(delivery.Message, node), ct);
            });
        }

        var result = await NewRequester(crossbar).CallAsync(new KapiRequest(KapiRoutingKeys.Dial(zone), Probe("dial")), _ => true, TimeSpan.FromSeconds(10), Ct);

        Assert.False(result.TimedOut);
        await Task.Delay(Quiet);
        Assert.Equal(1, Volatile.Read(ref handled));
    }
}
