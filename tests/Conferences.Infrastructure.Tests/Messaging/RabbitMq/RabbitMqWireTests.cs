using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// What the bus puts on the wire, seen by a plain AMQP client playing Kazoo (docs/amqp.md, <c>kz_api.erl</c>):
/// exchange, routing key, properties and JSON body; Kazoo's exchange flags. What it takes from the wire and its queue
/// kinds are in <see cref="RabbitMqWireQueueTests"/>.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqWireTests(RabbitMqBrokerFixture broker) : RabbitMqWireHarness(broker)
{
    [Fact]
    public async Task Command_goes_to_the_conference_exchange_as_json_with_kazoo_properties()
    {
        var conference = NewId();
        var inbox = await Raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(conference));
        var command = KapiMessage.Build(KapiConference.MuteParticipant,
            new JsonObject { [KapiKeys.ConferenceId] = conference, [KapiKeys.ParticipantId] = 7 }, KapiSender.KappsConference("crossbar@test"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await Bus.PublishAsync(KapiRoutingKeys.Command(conference), command, Ct);

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
        var inbox = await Raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(conference));

        await Bus.PublishAsync(KapiRoutingKeys.Command(conference), new JsonObject { ["Caller-ID-Name"] = "Zoë ☎", ["Count"] = 2 }, Ct);

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
        var inbox = await Raw.ListenAsync("targeted", ExchangeType.Direct, serverId, exclusive: true, serverId);
        var reply = new JsonObject { ["Event-Category"] = "conference", ["Event-Name"] = "search_resp", ["Msg-ID"] = "abc" };

        await Bus.ReplyAsync(serverId, reply, Ct);

        var wire = await inbox.NextAsync();
        Assert.Equal(("targeted", serverId, "application/json"), (wire.Exchange, wire.RoutingKey, wire.ContentType));
        Assert.True(JsonNode.DeepEquals(reply, wire.Json));
    }

    [Fact]
    public async Task Event_routing_key_encodes_the_call_id_as_kazoo_does()
    {
        var (account, conference) = (NewId(), NewId());
        var inbox = await Raw.ListenAsync("conference", ExchangeType.Topic, $"conference.event.*.{account}.{conference}.*");

        await Bus.PublishAsync(KapiRoutingKeys.Event("add-member", account, conference, "a1.b2 c3@host"), new JsonObject { ["Event"] = "add-member" }, Ct);

        var wire = await inbox.NextAsync();
        Assert.Equal($"conference.event.add-member.{account}.{conference}.a1%2Eb2+c3%40host", wire.RoutingKey);
    }

    [Fact]
    public async Task Heartbeat_goes_to_the_nodes_fanout_exchange()
    {
        var node = $"ecallmgr@{NewId()}";
        var inbox = await Raw.ListenAsync("nodes", ExchangeType.Fanout);

        await Bus.AdvertiseAsync(KapiNodes.Advertise(new(node, TimeSpan.FromSeconds(5), [KapiNodes.EcallmgrApp])), Ct);

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
        Assert.True((await Bus.CheckHealthAsync(Ct)).Healthy); // connected: the exchanges are declared

        // Kazoo's own declarations (non-durable, not auto-deleted) are equivalent: no PRECONDITION_FAILED.
        await Raw.DeclareKazooExchangeAsync("conference", ExchangeType.Topic);
        await Raw.DeclareKazooExchangeAsync("targeted", ExchangeType.Direct);
        await Raw.DeclareKazooExchangeAsync("nodes", ExchangeType.Fanout);
        // A durable declaration is not.
        await using var channel = await Raw.Connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.ExchangeDeclareAsync("conference", ExchangeType.Topic, durable: true, autoDelete: false, arguments: null));
        Assert.Equal(Constants.PreconditionFailed, refused.ShutdownReason!.ReplyCode);
    }
}
