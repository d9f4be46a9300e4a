namespace Conferences.Api.Tests.Messaging;

/// <summary>The service with <c>Messaging:Provider=rabbitmq</c> and a broker that is not there: a loopback port nobody listens on.</summary>
public sealed class UnreachableRabbitMqApiFactory : RabbitMqApiFactory
{
    public UnreachableRabbitMqApiFactory() => Settings.RabbitMq(TestServers.UnreachableBroker());
}
