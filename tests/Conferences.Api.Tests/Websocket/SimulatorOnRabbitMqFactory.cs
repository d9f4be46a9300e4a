namespace Conferences.Api.Tests.Websocket;

/// <summary>The service on the test broker with the built-in simulator switched on, in a zone of its own.</summary>
public class SimulatorOnRabbitMqFactory : ApiFactory
{
    public SimulatorOnRabbitMqFactory() => Settings.RabbitMq().Simulator(true).Zone(ApiSettings.NewZone("w")).QuickRecovery();
}

/// <summary>The scenario of <see cref="ConferenceEventTests"/> on RabbitMQ.</summary>
public sealed class ConferenceEventTestsOnRabbitMq(SimulatorOnRabbitMqFactory api) : ConferenceEventTests(api), IClassFixture<SimulatorOnRabbitMqFactory>;
