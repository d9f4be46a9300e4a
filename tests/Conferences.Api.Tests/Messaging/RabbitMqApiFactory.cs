namespace Conferences.Api.Tests.Messaging;

/// <summary>The service with <c>Messaging:Provider=rabbitmq</c> on the test broker, in a media zone of its own.</summary>
public class RabbitMqApiFactory : ApiFactory
{
    public RabbitMqApiFactory() => Settings.RabbitMq().Zone(Zone);

    /// <summary>This factory's dials and, when it hosts one, its simulator's zone (see <see cref="ApiSettings.Zone"/>).</summary>
    public string Zone { get; } = ApiSettings.NewZone("t");
}
