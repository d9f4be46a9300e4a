namespace Conferences.Tests.Servers;

/// <summary>
/// A RabbitMQ node started through <c>tools/rabbitmq-test-broker.sh</c> on a free loopback port, for tests that stop or
/// restart it, or the shared one of <c>CONFERENCES_TEST_RABBITMQ</c>. Only a port started here is ever stopped.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private const string Script = "rabbitmq-test-broker.sh";

    private TestBroker(string url, int? port)
    {
        Url = url;
        Port = port;
    }

    public string Url { get; }

    /// <summary>The port of a broker started here; null for the shared one.</summary>
    public int? Port { get; }

    /// <summary>The broker of <c>CONFERENCES_TEST_RABBITMQ</c>, else a private one.</summary>
    public static async Task<TestBroker> SharedOrPrivateAsync()
    {
        var configured = Environment.GetEnvironmentVariable(TestServers.BrokerVariable);
        return string.IsNullOrWhiteSpace(configured) ? await PrivateAsync() : new TestBroker(configured.Trim(), null);
    }

    public static async Task<TestBroker> PrivateAsync()
    {
        var port = LoopbackPorts.ForRabbitMqNode();
        await StartAsync(port);
        return new TestBroker(TestServers.AmqpUrl(port), port);
    }

    public static Task StartAsync(int port) => TestScript.RunAsync(Script, TestScript.StartTimeout, "start", $"{port}");

    public static Task StopAsync(int port) => TestScript.RunAsync(Script, TestScript.StartTimeout, "stop", $"{port}");

    /// <summary>A clean shutdown (clients see CONNECTION_FORCED) and a fresh start: every non-durable queue is gone.</summary>
    public static Task RestartAsync(int port) => TestScript.RunAsync(Script, TestScript.StartTimeout, "restart", $"{port}");

    public Task StopAsync() => StopAsync(OwnPort("stopped"));

    public Task StartAsync() => StartAsync(OwnPort("started"));

    public Task RestartAsync() => RestartAsync(OwnPort("restarted"));

    public async ValueTask DisposeAsync()
    {
        if (Port is { } port)
        {
            await StopAsync(port);
        }
    }

    private int OwnPort(string verb) => Port ?? throw new InvalidOperationException($"the shared broker is not {verb} by tests");
}
