namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>
/// A RabbitMQ node of one test class's own, on a free loopback port, for tests that stop or restart the broker
/// under a running bus (nothing else must lose its broker meanwhile).
/// </summary>
public sealed class PrivateRabbitMqBroker : IAsyncLifetime
{
    public int Port { get; } = LoopbackPorts.ForRabbitMqNode();

    public string Url => TestServers.AmqpUrl(Port);

    public Task InitializeAsync() => StartAsync();

    public Task DisposeAsync() => StopAsync();

    public Task StartAsync() => TestBroker.StartAsync(Port);

    public Task StopAsync() => TestBroker.StopAsync(Port);

    /// <summary>A clean shutdown (clients see CONNECTION_FORCED) and a fresh start: non-durable queues and exchanges are gone.</summary>
    public Task RestartAsync() => TestBroker.RestartAsync(Port);

    /// <summary>Stops the node's processes (SIGSTOP): connections stay open, nothing answers — a hung broker.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ThawAsync() => SignalAsync("CONT");

    // The script starts each node in a process group of its own and keeps the group leader's pid.
    private async Task SignalAsync(string signal)
    {
        var directory = Environment.GetEnvironmentVariable("CONFERENCES_RABBITMQ_BASE") ?? "/tmp/conferences-rabbitmq";
        var leader = (await File.ReadAllTextAsync(Path.Combine(directory, $"{Port}", "server.pid"))).Trim();
        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + leader]) ?? throw new InvalidOperationException("cannot run kill");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
