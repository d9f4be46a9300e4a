namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The API on RabbitMQ with no simulator of its own, dialling into <c>zone</c> — where the simulator worker process of
/// a test runs — and reconnecting quickly after a broker restart.
/// </summary>
public sealed class ZonedRabbitMqApiFactory : ApiFactory
{
    public ZonedRabbitMqApiFactory(string brokerUrl, string zone) =>
        Settings.RabbitMq(brokerUrl).Simulator(false).Set("Dial:Zone", zone).QuickRecovery();
}
