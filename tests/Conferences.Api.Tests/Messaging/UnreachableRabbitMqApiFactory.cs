using System.Net;
using System.Net.Sockets;

namespace Conferences.Api.Tests.Messaging;

/// <summary>The service with <c>Messaging:Provider=rabbitmq</c> and a broker that is not there: a loopback port nobody listens on.</summary>
public sealed class UnreachableRabbitMqApiFactory : RabbitMqApiFactory
{
    private readonly string broker = UnusedLoopbackBroker();

    protected override string Broker => broker;

    private static string UnusedLoopbackBroker()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"amqp://guest:guest@127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }
}
