using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// What the bus puts on the wire and what it takes from it, seen by a plain AMQP client playing Kazoo
/// (docs/amqp.md, <c>kz_api.erl</c>): exchange, routing key, properties and JSON body; Kazoo's exchange flags; queue kinds.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqWireTests(RabbitMqBrokerFixture broker) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly List<IAsyncDisposable> cleanup = [];
    private Conferences.Infrastructure.Messaging.RabbitMq.RabbitMqBus bus = null!;
    private RawAmqp raw = null!;

    public async Task InitializeAsync()
    {
        bus = broker.NewBus();
        raw = await RawAmqp.ConnectAsync(broker.Url);
    }

    public async Task DisposeAsync()
    {
        for (var i = cleanup.Count - 1; i >= 0; i--)
        {
            await cleanup[i].DisposeAsync();
        }
        await bus.DisposeAsync();
        await raw.DisposeAsync();
    }

    [Fact]
    public async Task Command_goes_to_the_conference_exchange_as_json_with_kazoo_properties()
    {
        var conference = NewId();
        var inbox = await raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(conference));
        var command = KapiMessage.Build(KapiConference.MuteParticipant,
            new JsonObject { [KapiKeys.ConferenceId] = conference, [KapiKeys.ParticipantId] = 7 }, KapiSender.KappsConference("crossbar@test"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await bus.PublishAsync(KapiRoutingKeys.Command(conference), command, Ct);

        var wire = await inbox.NextAsync();
        Assert.Equal(("conference", $"conference.command.{conference}", "application/json"), (wire.Exchange, wire.RoutingKey, wire.ContentType));
        Assert.InRange(wire.Timestamp!.Value, before - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.True(wire.DeliveryMode is null or 1, "commands are transient, as Kazoo's");
        Assert.True(JsonNode.DeepEquals(command, wire.Json), wire.Json.ToJsonString());
        Assert.Equal("mute_participant", KazooJson.GetString(wire.Json, "Application-Name"));
        Assert.Equal("kapps_conference", KazooJson.GetString(wire.Json, "App-Name"));
    }

    [Fact]
    public async Task Body_is_utf8_json()
    {
        var conference = NewId();
        var inbox = await raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(conference));

        await bus.PublishAsync(KapiRoutingKeys.Command(conference), new JsonObject { ["Caller-ID-Name"] = "Zoë ☎", ["Count"] = 2 }, Ct);

        var wire = await inbox.NextAsync();
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(wire.Body);
        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Equal("Zoë ☎", KazooJson.GetString(wire.Json, "Caller-ID-Name"));
        Assert.Equal(2, KazooJson.GetLong(wire.Json, "Count"));
    }

    [Fact]
    public async Task Reply_goes_to_targeted_with_the_server_id_as_routing_key()
    {
        // crossbar's reply queue: named after itself and bound to targeted with its own name (kz_amqp_util:bind_q_to_targeted/1).
        var serverId = $"crossbar@test-<0.{Random.Shared.Next(1000)}.0>-{NewId()}";
        var inbox = await raw.ListenAsync("targeted", ExchangeType.Direct, serverId, exclusive: true, serverId);
        var reply = new JsonObject { ["Event-Category"] = "conference", ["Event-Name"] = "search_resp", ["Msg-ID"] = "abc" };

        await bus.ReplyAsync(serverId, reply, Ct);

        var wire = await inbox.NextAsync();
        Assert.Equal(("targeted", serverId, "application/json"), (wire.Exchange, wire.RoutingKey, wire.ContentType));
        Assert.True(JsonNode.DeepEquals(reply, wire.Json));
    }

    [Fact]
    public async Task Event_routing_key_encodes_the_call_id_as_kazoo_does()
    {
        var (account, conference) = (NewId(), NewId());
        var inbox = await raw.ListenAsync("conference", ExchangeType.Topic, $"conference.event.*.{account}.{conference}.*");

        await bus.PublishAsync(KapiRoutingKeys.Event("add-member", account, conference, "a1.b2 c3@host"), new JsonObject { ["Event"] = "add-member" }, Ct);

        var wire = await inbox.NextAsync();
        Assert.Equal($"conference.event.add-member.{account}.{conference}.a1%2Eb2+c3%40host", wire.RoutingKey);
    }

    [Fact]
    public async Task Heartbeat_goes_to_the_nodes_fanout_exchange()
    {
        var node = $"ecallmgr@{NewId()}";
        var inbox = await raw.ListenAsync("nodes", ExchangeType.Fanout);

        await bus.AdvertiseAsync(KapiNodes.Advertise(new(node, TimeSpan.FromSeconds(5), [KapiNodes.EcallmgrApp])), Ct);

        RawMessage wire;
        do
        {
            wire = await inbox.NextAsync(); // other nodes may be advertising on a shared broker
        }
        while (KazooJson.GetString(wire.Json, "Node") != node);
        Assert.Equal(("nodes", string.Empty, "application/json"), (wire.Exchange, wire.RoutingKey, wire.ContentType));
        Assert.Equal(5000, KazooJson.GetLong(wire.Json, "Expires"));
    }

    [Fact]
    public async Task Exchanges_are_declared_with_kazoos_flags()
    {
        Assert.True((await bus.CheckHealthAsync(Ct)).Healthy); // connected: the exchanges are declared

        // Kazoo's own declarations (non-durable, not auto-deleted) are equivalent: no PRECONDITION_FAILED.
        await raw.DeclareKazooExchangeAsync("conference", ExchangeType.Topic);
        await raw.DeclareKazooExchangeAsync("targeted", ExchangeType.Direct);
        await raw.DeclareKazooExchangeAsync("nodes", ExchangeType.Fanout);
        // A durable declaration is not.
        await using var channel = await raw.Connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.ExchangeDeclareAsync("conference", ExchangeType.Topic, durable: true, autoDelete: false, arguments: null));
        Assert.Equal(Constants.PreconditionFailed, refused.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task Subscription_receives_what_a_kazoo_publisher_sends()
    {
        var (account, conference) = (NewId(), NewId());
        var inbox = new DeliveryInbox();
        cleanup.Add(await bus.SubscribeAsync(KapiRoutingKeys.Event("*", account, conference, "*"), inbox.Handler, Ct));
        var key = KapiRoutingKeys.Event("add-member", account, conference, "call-1");
        var sent = """{"Event-Category":"conference","Event-Name":"event","Event":"add-member","App-Name":"freeswitch","Msg-ID":"m1","Participant-ID":3}""";

        await raw.PublishAsync("conference", key, Encoding.UTF8.GetBytes(sent));

        var delivery = await inbox.NextAsync();
        Assert.Equal(("conference", key), (delivery.Exchange, delivery.RoutingKey));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sent), delivery.Message));
    }

    [Fact]
    public async Task Body_that_is_not_a_json_object_is_dropped_and_consumption_goes_on()
    {
        var conference = NewId();
        var inbox = new DeliveryInbox();
        cleanup.Add(await bus.SubscribeAsync(KapiRoutingKeys.Command(conference), inbox.Handler, Ct));

        await raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("not json"));
        await raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("[1,2]"));
        await raw.PublishAsync("conference", KapiRoutingKeys.Command(conference), Encoding.UTF8.GetBytes("""{"Marker":"fine"}"""));

        Assert.Equal("fine", KazooJson.GetString((await inbox.NextAsync()).Message, "Marker"));
        await inbox.AssertNothingAsync(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Anonymous_queue_is_server_named_exclusive_and_deleted_with_its_subscription()
    {
        var subscription = await bus.SubscribeAsync(KapiRoutingKeys.Command(NewId()), (_, _) => Task.CompletedTask, Ct);

        Assert.StartsWith("amq.gen-", subscription.QueueName, StringComparison.Ordinal);
        Assert.Equal(Constants.ResourceLocked, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(subscription.QueueName)));
        await subscription.DisposeAsync();
        Assert.Equal(Constants.NotFound, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(subscription.QueueName)));
    }

    [Fact]
    public async Task Shared_queue_is_non_exclusive_auto_delete_and_consumed_together_with_another_process()
    {
        var zone = NewId();
        var name = $"ecallmgr_fs_conferences_shared_{zone}";
        var count = 0;
        var subscription = await bus.SubscribeAsync(KapiQueue.Shared(name, KapiExchange.Conference, [KapiRoutingKeys.Dial(zone)]), (_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }, Ct);
        // Another process declares it with the same flags (not exclusive, auto-delete, not durable, no arguments): no
        // PRECONDITION_FAILED, and the two consumers share the messages.
        var kazoo = await raw.ListenAsync("conference", ExchangeType.Topic, name, exclusive: false, KapiRoutingKeys.Dial(zone));

        for (var i = 0; i < 10; i++)
        {
            await bus.PublishAsync(KapiRoutingKeys.Dial(zone), new JsonObject { ["Marker"] = $"{i}" }, Ct);
        }

        await kazoo.NextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Volatile.Read(ref count) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.InRange(Volatile.Read(ref count), 1, 9);
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Shared_queue_is_deleted_with_its_last_subscriber()
    {
        var name = $"conference_controller_{NewId()}";
        var queue = KapiQueue.Shared(name, KapiExchange.Conference, [KapiRoutingKeys.Command(NewId())]);
        var first = await bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);
        var second = await bus.SubscribeAsync(queue, (_, _) => Task.CompletedTask, Ct);

        await first.DisposeAsync();
        await PassiveDeclareAsync(name); // still there
        await second.DisposeAsync();
        Assert.Equal(Constants.NotFound, await RefusalAsync(ch => ch.QueueDeclarePassiveAsync(name)));
    }

    private static string NewId() => KazooIds.NewId();

    private async Task PassiveDeclareAsync(string queue)
    {
        await using var channel = await raw.Connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
    }

    /// <summary>The reply code with which the broker refuses <paramref name="action"/> (on a channel of its own).</summary>
    private async Task<ushort> RefusalAsync(Func<IChannel, Task> action)
    {
        await using var channel = await raw.Connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => action(channel));
        return refused.ShutdownReason!.ReplyCode;
    }
}
