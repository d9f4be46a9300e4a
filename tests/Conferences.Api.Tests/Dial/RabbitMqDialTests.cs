using Conferences.Api.Tests.Messaging;

namespace Conferences.Api.Tests.Dial;

/// <summary>
/// Dial over RabbitMQ (<c>Messaging:Provider=rabbitmq</c>): the request goes to <c>conference.command.{zone}</c> on the
/// broker and the <c>dial_resp</c> comes back on <c>targeted</c>, here from the simulator hosted in the same process.
/// </summary>
public sealed class RabbitMqDialTests(RabbitMqDialTests.SimulatorOnRabbitMq api) : IClassFixture<RabbitMqDialTests.SimulatorOnRabbitMq>
{
    [Fact]
    public async Task Dial_round_trips_through_the_broker()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var id = $"amqp-{Guid.NewGuid():N}";

        var answer = await account.DialAsync(id, DialRequests.Endpoints("sip:alice@example.com", "sip:busy@example.com"));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", (string?)answer.ResponseFor("sip:alice@example.com")["status"]);
        Assert.Equal("USER_BUSY", (string?)answer.ResponseFor("sip:busy@example.com")["message"]);
        Assert.Single((await api.ConferenceWithAsync(id, 1))!.Participants);
    }

    /// <summary>The API and the simulator on the test broker, in a zone of their own (other managers may share the broker).</summary>
    public sealed class SimulatorOnRabbitMq : RabbitMqApiFactory
    {
        public SimulatorOnRabbitMq() => Settings.Simulator(true)
            .Zone($"dial-tests-{Guid.NewGuid():N}")
            .Set("MediaServer:Hostname", $"dial-sim-{Guid.NewGuid():N}")
            .FastSimulator();
    }
}
