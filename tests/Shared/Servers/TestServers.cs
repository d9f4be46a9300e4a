namespace Conferences.Tests.Servers;

/// <summary>
/// The shared broker and store that <c>./build.sh test</c> starts and names in environment variables. Tests that need
/// them fail (never skip) when they are not set.
/// </summary>
public static class TestServers
{
    public const string BrokerVariable = "CONFERENCES_TEST_RABBITMQ";

    public const string CouchDbVariable = "CONFERENCES_TEST_COUCHDB";

    /// <summary>e.g. <c>amqp://guest:guest@127.0.0.1:25672/</c>.</summary>
    public static string Broker => Environment.GetEnvironmentVariable(BrokerVariable) is { Length: > 0 } url
        ? url.Trim()
        : throw new InvalidOperationException(
            $"{BrokerVariable} is not set: run the tests with ./build.sh test, or start a broker with tools/rabbitmq-test-broker.sh start 25672 and export {BrokerVariable}=amqp://guest:guest@127.0.0.1:25672/");

    /// <summary>e.g. <c>http://127.0.0.1:15984</c>.</summary>
    public static string CouchDb => Environment.GetEnvironmentVariable(CouchDbVariable) is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException(
            $"{CouchDbVariable} is not set: run the tests with ./build.sh test, or start one with tools/couchdb-test-server.sh start 15984 and export {CouchDbVariable}=http://127.0.0.1:15984");

    public static string AmqpUrl(int port) => $"amqp://guest:guest@127.0.0.1:{port}/";

    /// <summary>A broker URL where nobody listens: a loopback port that was free a moment ago.</summary>
    public static string UnreachableBroker() => AmqpUrl(LoopbackPorts.Unused());
}
