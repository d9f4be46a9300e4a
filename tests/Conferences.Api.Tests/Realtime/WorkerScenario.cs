using Conferences.Tests.Time;

namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The deployment of docs/operations.md with <c>rabbitmq</c> for one test: the simulator worker as its own process in a zone of
/// the test's own, and the API dialling into that zone, both on one broker and quick to reconnect.
/// Disposal ends the API, then the worker process, which must never outlive the test, then the broker if it was started for the test.
/// </summary>
public sealed class WorkerScenario : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private WorkerScenario(TestBroker broker, string zone, WorkerProcessHost worker, ZonedRabbitMqApiFactory api)
    {
        Broker = broker;
        Zone = zone;
        Worker = worker;
        Api = api;
    }

    public TestBroker Broker { get; }

    public string Zone { get; }

    public WorkerProcessHost Worker { get; }

    public ZonedRabbitMqApiFactory Api { get; }

    /// <summary>
    /// Starts both on the broker, which the scenario then owns, and waits until the API has heard the worker's heartbeat;
    /// <paramref name="appliedClock"/> as in <see cref="ZonedRabbitMqApiFactory"/>.
    /// </summary>
    public static async Task<WorkerScenario> StartAsync(TestBroker broker, string zonePrefix, TimeoutClock? appliedClock = null)
    {
        var zone = $"{zonePrefix}{Guid.NewGuid():N}"[..12];
        WorkerProcessHost worker;
        try
        {
            worker = StartWorker(broker, zone);
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
        var scenario = new WorkerScenario(broker, zone, worker, new ZonedRabbitMqApiFactory(broker.Url, zone, appliedClock));
        try
        {
            _ = scenario.Api.Server;
            await scenario.WorkerKnownAsync();
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new account's conference, with a websocket subscribed to all its events.</summary>
    public async Task<WatchedConference> WatchNewConferenceAsync(string name)
    {
        var account = await Api.NewAccountAsync();
        var conf = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = name });
        var socket = await BlackholeClient.ConnectAsync(Api);
        var binding = $"conference.event.*.{conf}.*";
        Assert.Equal("success", (await socket.SubscribeAsync(account, binding))["status"]!.GetValue<string>());
        return new WatchedConference(account, conf, socket, binding);
    }

    private static WorkerProcessHost StartWorker(TestBroker broker, string zone) =>
        WorkerProcessHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = broker.Url,
            ["MediaServer__Zone"] = zone,
            ["MediaServer__Hostname"] = zone,
            ["MediaServer__AdvertiseInterval"] = "00:00:01",
            ["RabbitMq__RecoveryInterval"] = "00:00:00.500",
            ["Logging__Format"] = "text",
        });

    /// <summary>Waits until the API's media-manager directory counts the worker (again, after a broker restart).</summary>
    public Task WorkerKnownAsync()
    {
        var directory = Api.Services.GetRequiredService<IMediaManagerDirectory>();
        return Eventually.MatchAsync(() => Task.FromResult(directory.Managers.Any(m => m.Zone == Zone)), known => known,
            Patience, $"the worker's heartbeat (worker output:\n{Worker.Output})");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Api.DisposeAsync();
        }
        finally
        {
            try
            {
                await Worker.DisposeAsync();
            }
            finally
            {
                await Broker.DisposeAsync();
            }
        }
    }
}

/// <summary>A conference of the scenario and the websocket that watches it; disposing closes the socket.</summary>
public sealed record WatchedConference(TestAccount Account, string Id, BlackholeClient Socket, string Binding) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Socket.DisposeAsync();
}

/// <summary>A test class whose every test runs on a <see cref="WorkerScenario"/> of its own, on the broker <paramref name="broker"/> gives.</summary>
public abstract class WorkerScenarioTests(Func<Task<TestBroker>> broker, string zonePrefix) : IAsyncLifetime
{
    protected WorkerScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync() => Scenario = await WorkerScenario.StartAsync(await broker(), zonePrefix);

    public async Task DisposeAsync()
    {
        if (Scenario is not null)
        {
            await Scenario.DisposeAsync();
        }
    }
}
