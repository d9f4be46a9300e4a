namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>Kazoo's node heartbeats as <c>kz_nodes</c> reads them, and the directory's bookkeeping without a bus.</summary>
public sealed class KapiNodesTests
{
    [Fact]
    public void Advertise_message_is_what_kz_nodes_reads()
    {
        var message = KapiNodes.Advertise(new("ecallmgr@fs1", TimeSpan.FromSeconds(7), [KapiNodes.EcallmgrApp], "east"));

        Assert.Equal("nodes", message["Event-Category"]!.GetValue<string>());
        Assert.Equal("advertise", message["Event-Name"]!.GetValue<string>());
        Assert.Equal("ecallmgr@fs1", message["Node"]!.GetValue<string>());
        Assert.Equal(7000, message["Expires"]!.GetValue<long>());
        Assert.True(message["WhApps"]!.AsObject().ContainsKey("ecallmgr"));
        Assert.True(KapiNodes.TryRead(message, out var read));
        Assert.Equal(("ecallmgr@fs1", TimeSpan.FromSeconds(7), "east", true), (read.Node, read.Expires, read.Zone, read.IsMediaManager));
    }

    [Fact]
    public void WhApps_may_be_a_list_and_the_zone_may_come_from_the_broker_zone()
    {
        var message = JsonNode.Parse("""
            {"Event-Category":"nodes","Event-Name":"advertise","Node":"ecallmgr@fs2","Expires":5000,
             "WhApps":["ecallmgr","kazoo_globals"],"AMQP-Broker-Zone":"west"}
            """)!.AsObject();

        Assert.True(KapiNodes.TryRead(message, out var read));
        Assert.True(read.IsMediaManager);
        Assert.Equal("west", read.Zone);
    }

    [Theory]
    [InlineData("""{"Event-Category":"nodes","Event-Name":"advertise","Node":"ecallmgr@fs","WhApps":{"ecallmgr":{}}}""")]
    [InlineData("""{"Event-Category":"nodes","Event-Name":"advertise","Expires":5000,"WhApps":{"ecallmgr":{}}}""")]
    [InlineData("""{"Event-Category":"conference","Event-Name":"advertise","Node":"ecallmgr@fs","Expires":5000}""")]
    public void Incomplete_advertisement_is_ignored(string json)
    {
        var directory = new MediaManagerDirectory(null!, new ManualClock(), NullLogger<MediaManagerDirectory>.Instance);

        directory.Observe(JsonNode.Parse(json)!.AsObject());

        Assert.Empty(directory.Managers);
    }

    [Fact]
    public void Node_that_no_longer_runs_ecallmgr_leaves_at_once()
    {
        var directory = new MediaManagerDirectory(null!, new ManualClock(), NullLogger<MediaManagerDirectory>.Instance);
        directory.Observe(new NodeAdvertisement("ecallmgr@fs3", TimeSpan.FromSeconds(10), [KapiNodes.EcallmgrApp]));

        directory.Observe(new NodeAdvertisement("ecallmgr@fs3", TimeSpan.FromSeconds(10), ["kazoo_globals"]));

        Assert.Empty(directory.Managers);
    }

    [Fact]
    public void Managers_are_listed_by_node_with_their_zone_defaulting_to_local()
    {
        var clock = new ManualClock();
        var directory = new MediaManagerDirectory(null!, clock, NullLogger<MediaManagerDirectory>.Instance);

        directory.Observe(new NodeAdvertisement("ecallmgr@b", TimeSpan.FromSeconds(8), [KapiNodes.EcallmgrApp]));
        directory.Observe(new NodeAdvertisement("ecallmgr@a", TimeSpan.FromSeconds(8), [KapiNodes.EcallmgrApp], "east"));

        Assert.Equal(
            [new MediaManager("ecallmgr@a", "east", clock.GetUtcNow(), clock.GetUtcNow().AddSeconds(10)),
             new MediaManager("ecallmgr@b", "local", clock.GetUtcNow(), clock.GetUtcNow().AddSeconds(10))],
            directory.Managers);
    }
}
