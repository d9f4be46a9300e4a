namespace Conferences.Api.Tests.Messaging;

/// <summary>
/// The service with <c>Messaging:Provider=rabbitmq</c> (docs/operations.md) on the broker that <c>./build.sh test</c> starts
/// and names in <c>CONFERENCES_TEST_RABBITMQ</c>, or on the <see cref="Broker"/> a subclass names.
/// </summary>
public class RabbitMqApiFactory : ApiFactory
{
    public RabbitMqApiFactory() => Settings.RabbitMq().Zone(Zone);

    /// <summary>This factory's dials and, when it hosts one, its simulator's zone (see <see cref="ApiSettings.Zone"/>).</summary>
    public string Zone { get; } = ApiSettings.NewZone("t");
}
