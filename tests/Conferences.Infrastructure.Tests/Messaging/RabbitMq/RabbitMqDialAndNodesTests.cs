namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// crossbar's dial through <see cref="KapiRequester"/> on a shared queue of plain AMQP clients playing ecallmgr, and
/// the media-manager directory hearing an ecallmgr's <c>kz_nodes</c> heartbeat (docs/amqp.md).
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqDialAndNodesTests(RabbitMqBrokerFixture broker) : RabbitMqDiscoveryHarness(broker)
{
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

        var result = await Requester.CallAsync(new KapiRequest(KapiRoutingKeys.Dial(zone), dial), reply => KapiMessage.IsValid(KapiConference.DialResp, reply), TimeSpan.FromSeconds(5), Ct);

        Assert.False(result.TimedOut);
        Assert.Equal("http-request-id", KazooJson.GetString(result.Reply!, "Msg-ID"));
        await Task.Delay(250);
        Assert.Equal(1, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task Directory_counts_an_ecallmgr_that_advertises_on_the_nodes_exchange()
    {
        var directory = new MediaManagerDirectory(Bus, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        Track(directory);
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
}
