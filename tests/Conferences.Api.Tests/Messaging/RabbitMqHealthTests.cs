namespace Conferences.Api.Tests.Messaging;

/// <summary>
/// The API on RabbitMQ (<c>Messaging:Provider=rabbitmq</c>, docs/operations.md): <c>/health</c> reports the broker, and a
/// broker that is not there neither keeps the service from starting nor makes anything wait on it.
/// </summary>
public sealed class RabbitMqHealthTests(RabbitMqApiFactory api) : IClassFixture<RabbitMqApiFactory>
{
    // a hang guard, far above the adapter's 2 s connect budget: a loaded machine must not fail these tests
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Health_reports_the_rabbitmq_bus_as_healthy_without_its_credentials()
    {
        var health = await api.SendAsync(HttpMethod.Get, "/health").WaitAsync(NoHang);

        health.ExpectStatus(HttpStatusCode.OK);
        var bus = health.Json!["checks"]!["bus"]!;
        Assert.Equal("healthy", bus["status"]!.GetValue<string>());
        Assert.Equal("rabbitmq", bus["data"]!["provider"]!.GetValue<string>());
        var broker = new Uri(TestServers.Broker);
        Assert.Contains($"{broker.Host}:{broker.Port}", bus["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(broker.UserInfo, health.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void With_rabbitmq_the_api_leaves_the_media_server_to_the_worker_or_a_real_ecallmgr()
    {
        // MediaServer:Simulator defaults to false with rabbitmq (docs/operations.md)
        Assert.Null(api.Services.GetService<SimulatorControl>());
    }

    [Fact]
    public async Task With_MediaServer_Simulator_true_the_api_hosts_the_simulator_on_rabbitmq_too()
    {
        await using var hosting = new SimulatorOnRabbitMqApiFactory();

        var health = await hosting.SendAsync(HttpMethod.Get, "/health").WaitAsync(NoHang);

        health.ExpectStatus(HttpStatusCode.OK);
        var control = hosting.Services.GetRequiredService<SimulatorControl>();
        // crossbar's side of the API counts it as a media manager: its heartbeat went through the broker
        var directory = hosting.Services.GetRequiredService<IMediaManagerDirectory>();
        var deadline = DateTime.UtcNow + NoHang;
        while (!directory.Managers.Any(m => m.Node == control.Identity.ManagerNode) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(directory.Managers, m => m.Node == control.Identity.ManagerNode);
    }

    [Fact]
    public async Task An_unreachable_broker_does_not_stop_the_api_from_starting_and_health_answers_503()
    {
        await using var down = new UnreachableRabbitMqApiFactory();

        // the service starts and serves what needs no bus
        (await down.SendAsync(HttpMethod.Get, "/alive").WaitAsync(NoHang)).ExpectStatus(HttpStatusCode.OK);
        var master = await down.MasterAsync().WaitAsync(NoHang);
        Assert.False(string.IsNullOrEmpty(master.Token));

        var health = await down.SendAsync(HttpMethod.Get, "/health").WaitAsync(NoHang);

        health.ExpectStatus(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", health.Json!["status"]!.GetValue<string>());
        var bus = health.Json["checks"]!["bus"]!;
        Assert.Equal("unhealthy", bus["status"]!.GetValue<string>());
        Assert.Equal("rabbitmq", bus["data"]!["provider"]!.GetValue<string>());
        Assert.Contains("cannot connect to RabbitMQ", bus["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("guest:guest", health.Body, StringComparison.Ordinal);
        Assert.Equal("healthy", health.Json["checks"]!["store"]!["status"]!.GetValue<string>());
    }

    /// <summary>The API on the test broker with <c>MediaServer:Simulator=true</c>.</summary>
    private sealed class SimulatorOnRabbitMqApiFactory : RabbitMqApiFactory
    {
        // its own name (the zone is the factory's own): other media managers may share the test broker
        public SimulatorOnRabbitMqApiFactory() => Settings.Simulator(true).Set("MediaServer:Hostname", $"api-sim-{Guid.NewGuid():N}");
    }
}
