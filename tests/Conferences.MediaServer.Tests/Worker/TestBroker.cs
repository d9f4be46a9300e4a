using System.Net;
using System.Net.Sockets;

namespace Conferences.MediaServer.Tests.Worker;

/// <summary>The RabbitMQ broker of the worker tests: the one <c>./build.sh test</c> starts and names in <c>CONFERENCES_TEST_RABBITMQ</c>.</summary>
public static class TestBroker
{
    public const string Variable = "CONFERENCES_TEST_RABBITMQ";

    /// <summary>e.g. <c>amqp://guest:guest@127.0.0.1:25672/</c>; the tests fail (never skip) without it.</summary>
    public static string Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
        ? url.Trim()
        : throw new InvalidOperationException(
            $"{Variable} is not set: run the tests with ./build.sh test, or start a broker with tools/rabbitmq-test-broker.sh start 25672 and export {Variable}=amqp://guest:guest@127.0.0.1:25672/");

    /// <summary>A broker URL where nobody listens: a loopback port that was free a moment ago.</summary>
    public static string Unreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"amqp://guest:guest@127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }
}
