namespace Conferences.Infrastructure.Tests.Messaging.InProcess;

/// <summary>The embedded bus's binding index routes by exchange type and forgets a deleted queue entirely.</summary>
public sealed class InProcessRouterTests
{
    private readonly InProcessRouter router = new();

    [Fact]
    public void A_queue_reached_by_several_bindings_is_listed_once()
    {
        var queue = Queue(KapiExchange.Conference);
        router.Bind(queue, ["conference.command.conf", "conference.command.*", "conference.#", "#"]);

        Assert.Equal([queue], router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command.conf"));
    }

    [Fact]
    public void Exact_and_wildcard_bindings_of_a_topic_exchange_route_together()
    {
        var (exact, star, other) = (Queue(KapiExchange.Conference), Queue(KapiExchange.Conference), Queue(KapiExchange.Conference));
        router.Bind(exact, ["conference.command.conf"]);
        router.Bind(star, ["conference.command.*"]);
        router.Bind(other, ["conference.command.other"]);

        Assert.Equal(new[] { exact, star }.ToHashSet(), router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command.conf").ToHashSet());
        Assert.Equal([star], router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command.x"));
        Assert.Empty(router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command"));
    }

    [Fact]
    public void A_direct_exchange_takes_wildcards_literally()
    {
        var queue = Queue(KapiExchange.Targeted);
        router.Bind(queue, ["#", "reply.*"]);

        Assert.Empty(router.Route(KapiRoutingKeys.TargetedExchange, "reply.1"));
        Assert.Equal([queue], router.Route(KapiRoutingKeys.TargetedExchange, "reply.*"));
        Assert.Equal([queue], router.Route(KapiRoutingKeys.TargetedExchange, "#"));
    }

    [Fact]
    public void A_fanout_exchange_reaches_every_queue_bound_or_not()
    {
        var (unbound, bound) = (Queue(KapiExchange.Nodes), Queue(KapiExchange.Nodes));
        router.Bind(unbound, []);
        router.Bind(bound, ["ignored"]);

        Assert.Equal(new[] { unbound, bound }.ToHashSet(), router.Route(KapiNodes.Exchange, "anything").ToHashSet());
    }

    [Fact]
    public void Exchanges_route_apart()
    {
        var topic = Queue(KapiExchange.Conference);
        router.Bind(topic, ["#"]);

        Assert.Empty(router.Route(KapiRoutingKeys.TargetedExchange, "x"));
        Assert.Empty(router.Route("unknown", "x"));
    }

    [Fact]
    public void A_removed_queue_is_no_longer_reached_by_any_of_its_bindings()
    {
        var (leaving, staying) = (Queue(KapiExchange.Conference), Queue(KapiExchange.Conference));
        router.Bind(leaving, ["conference.command.conf", "conference.*.conf"]);
        router.Bind(leaving, ["#"]); // bindings accumulate
        router.Bind(staying, ["conference.command.conf"]);

        router.Remove(leaving);

        Assert.Equal([staying], router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command.conf"));
        Assert.Empty(router.Route(KapiRoutingKeys.ConferenceExchange, "other"));
        router.Remove(staying);
        Assert.Empty(router.Route(KapiRoutingKeys.ConferenceExchange, "conference.command.conf"));
    }

    private static InProcessQueue Queue(KapiExchange exchange) => new($"q-{Guid.NewGuid():N}", exchange, shared: false);
}
