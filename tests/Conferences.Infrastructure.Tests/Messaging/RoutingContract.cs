namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>Exchanges route like RabbitMQ's: topic patterns, direct replies, fanout heartbeats (docs/amqp.md, docs/websocket.md).</summary>
public abstract class RoutingContract(IBusSource source) : MessageBusContract(source)
{
    [Fact]
    public async Task Star_binding_receives_every_event_of_its_conference_and_nothing_else()
    {
        var bus = await ConnectAsync();
        var (account, conference, other) = (NewId(), NewId(), NewId());
        var inbox = await ListenAsync(bus, KapiRoutingKeys.Event("*", account, conference, "*"));

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Event("conference-create", account, conference), Probe("create"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Event("add-member", account, other, "call-1"), Probe("other conference"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Event("add-member", other, conference, "call-1"), Probe("other account"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("command"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Event("add-member", account, conference, "call-1"), Probe("add"), Ct);

        var received = await inbox.TakeAsync(2);
        Assert.Equal(["create", "add"], received.Select(MarkerOf));
        Assert.Equal(KapiRoutingKeys.Event("add-member", account, conference, "call-1"), received[1].RoutingKey);
        Assert.Equal(KapiRoutingKeys.ConferenceExchange, received[1].Exchange);
        await inbox.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Star_matches_an_encoded_call_id_as_one_word()
    {
        var bus = await ConnectAsync();
        var (account, conference) = (NewId(), NewId());
        var inbox = await ListenAsync(bus, KapiRoutingKeys.Event("*", account, conference, "*"));

        var key = KapiRoutingKeys.Event("mute-member", account, conference, "a1.b2 c3@host");
        await bus.Publisher.PublishAsync(key, Probe("encoded"), Ct);

        var delivery = await inbox.NextAsync();
        Assert.Equal("encoded", MarkerOf(delivery));
        Assert.EndsWith(".a1%2Eb2+c3%40host", delivery.RoutingKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_binding_receives_every_routing_key()
    {
        var bus = await ConnectAsync();
        var marker = NewId();
        var inbox = await ListenAsync(bus, "#");

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe(marker), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Event("add-member", NewId(), NewId(), "c"), Probe(marker), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Config(NewId()), Probe(marker), Ct);
        await bus.Publisher.PublishAsync(NewId(), Probe(marker), Ct);

        await EventuallyAsync(() => Mine(inbox, marker, 4), "'#' should receive all four messages");
    }

    [Fact]
    public async Task Hash_matches_zero_or_more_words()
    {
        var bus = await ConnectAsync();
        var conference = NewId();
        var inbox = await ListenAsync(bus, $"conference.#.{conference}");

        await bus.Publisher.PublishAsync($"conference.{conference}", Probe("zero words"), Ct);
        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(conference), Probe("one word"), Ct);
        await bus.Publisher.PublishAsync($"conference.event.lock.{NewId()}.{conference}", Probe("three words"), Ct);
        await bus.Publisher.PublishAsync($"conference.event.{conference}.more", Probe("not last"), Ct);
        await bus.Publisher.PublishAsync($"other.command.{conference}", Probe("other prefix"), Ct);

        Assert.Equal(["zero words", "one word", "three words"], (await inbox.TakeAsync(3)).Select(MarkerOf));
        await inbox.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task An_empty_routing_key_has_no_word_for_a_star()
    {
        var bus = await ConnectAsync();
        var marker = NewId();
        var star = await ListenAsync(bus, "*");
        var empty = await ListenAsync(bus, "");

        await bus.Publisher.PublishAsync("", Probe(marker), Ct);
        await bus.Publisher.PublishAsync(NewId(), Probe(marker), Ct);

        await EventuallyAsync(() => Mine(star, marker, 1) && Mine(empty, marker, 1), "'*' should hear the one-word key, '' the empty one");
        await Task.Delay(Quiet);
        Assert.Single(Seen(star), d => MarkerOf(d) == marker);
        Assert.DoesNotContain(Seen(star), d => MarkerOf(d) == marker && d.RoutingKey.Length == 0);
        Assert.Single(Seen(empty), d => MarkerOf(d) == marker);
    }

    [Fact]
    public async Task Targeted_reply_reaches_only_the_queue_named_by_its_routing_key()
    {
        var bus = await ConnectAsync();
        var (first, second) = ($"reply-{NewId()}", $"reply-{NewId()}");
        var firstInbox = await ListenAsync(bus, KapiQueue.Exclusive(KapiExchange.Targeted, [first], first));
        var secondInbox = await ListenAsync(bus, KapiQueue.Exclusive(KapiExchange.Targeted, [second], second));

        await bus.Publisher.ReplyAsync(second, Probe("for the second"), Ct);

        var delivery = await secondInbox.NextAsync();
        Assert.Equal((KapiRoutingKeys.TargetedExchange, second, "for the second"), (delivery.Exchange, delivery.RoutingKey, MarkerOf(delivery)));
        await firstInbox.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Targeted_exchange_does_not_interpret_wildcards()
    {
        var bus = await ConnectAsync();
        var name = $"reply-{NewId()}";
        var inbox = await ListenAsync(bus, KapiQueue.Exclusive(KapiExchange.Targeted, ["#"], name));

        await bus.Publisher.ReplyAsync($"reply-{NewId()}", Probe("elsewhere"), Ct);

        await inbox.AssertNothingAsync(Quiet);
    }

    [Fact]
    public async Task Nodes_fanout_reaches_every_listener()
    {
        var bus = await ConnectAsync();
        var node = $"ecallmgr@{NewId()}";
        var first = await ListenAsync(bus, KapiQueue.Exclusive(KapiExchange.Nodes, []));
        var second = await ListenAsync(bus, KapiQueue.Exclusive(KapiExchange.Nodes, []));

        await bus.Publisher.AdvertiseAsync(KapiNodes.Advertise(new(node, TimeSpan.FromSeconds(5), [KapiNodes.EcallmgrApp])), Ct);

        await EventuallyAsync(() => Heard(first, node) && Heard(second, node), "both listeners should hear the heartbeat");
    }

    [Fact]
    public async Task Publishing_where_nobody_listens_completes()
    {
        var bus = await ConnectAsync();

        await bus.Publisher.PublishAsync(KapiRoutingKeys.Command(NewId()), Probe("lost"), Ct);
        await bus.Publisher.ReplyAsync($"nobody-{NewId()}", Probe("lost"), Ct);
    }

    private readonly Dictionary<DeliveryInbox, List<KapiDelivery>> seen = [];

    // Messages of this test only: on a shared broker "#" and "nodes" also see other tests' traffic.
    private bool Mine(DeliveryInbox inbox, string marker, int count) => Seen(inbox).Count(d => MarkerOf(d) == marker) >= count;

    private bool Heard(DeliveryInbox inbox, string node) =>
        Seen(inbox).Any(d => KapiNodes.TryRead(d.Message, out var advertisement) && advertisement.Node == node);

    private List<KapiDelivery> Seen(DeliveryInbox inbox)
    {
        if (!seen.TryGetValue(inbox, out var list))
        {
            seen[inbox] = list = [];
        }
        list.AddRange(inbox.Drain());
        return list;
    }
}
