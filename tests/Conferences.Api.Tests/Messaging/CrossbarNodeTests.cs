using System.Threading.Channels;

namespace Conferences.Api.Tests.Messaging;

/// <summary>
/// The API is a Kazoo node on the bus: it advertises itself on <c>nodes</c> as <c>crossbar</c> in the dial zone, so a
/// real ecallmgr accepts its dials into conferences that are not running yet (it looks the requester up by node).
/// It is not a media manager: the directory, which searches wait on, does not count it.
/// </summary>
public sealed class CrossbarNodeTests(CrossbarNodeTests.ZonedApiFactory api) : IClassFixture<CrossbarNodeTests.ZonedApiFactory>
{
    [Fact]
    public async Task The_api_advertises_a_crossbar_node_of_its_dial_zone()
    {
        var heartbeats = Channel.CreateUnbounded<JsonObject>();
        var subscriber = api.Services.GetRequiredService<IKapiSubscriber>();
        await using var subscription = await subscriber.SubscribeAsync(KapiQueue.Exclusive(KapiExchange.Nodes, []), (delivery, _) =>
        {
            heartbeats.Writer.TryWrite(delivery.Message);
            return Task.CompletedTask;
        }, CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonObject crossbar;
        do
        {
            crossbar = await heartbeats.Reader.ReadAsync(deadline.Token);
        }
        while (crossbar["Node"]?.GetValue<string>() != ZonedApiFactory.NodeName);

        Assert.Equal("advertise", crossbar["Event-Name"]!.GetValue<string>());
        Assert.Equal("zone-b", crossbar["Zone"]!.GetValue<string>());
        Assert.NotNull(crossbar["WhApps"]!["crossbar"]);
        Assert.Null(crossbar["WhApps"]!["ecallmgr"]);
        Assert.DoesNotContain(api.Services.GetRequiredService<IMediaManagerDirectory>().Managers, m => m.Node == ZonedApiFactory.NodeName);
    }

    public sealed class ZonedApiFactory : ApiFactory
    {
        public const string NodeName = "crossbar@api-under-test";

        public ZonedApiFactory() => Settings.Set("Dial:Zone", "zone-b").Set("Dial:NodeName", NodeName);
    }
}
