namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// The deployment of docs/operations.md with <c>rabbitmq</c> for one test: the simulator worker as its own process in a zone of
/// the test's own, and the API dialling into that zone, both on <paramref name="broker"/> and quick to reconnect.
/// Disposal ends the API and then the worker process, which must never outlive the test.
/// </summary>
public sealed class WorkerScenario : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private WorkerScenario(string zone, WorkerProcessHost worker, ZonedRabbitMqApiFactory api)
    {
        Zone = zone;
        Worker = worker;
        Api = api;
    }

    public string Zone { get; }

    public WorkerProcessHost Worker { get; }

    public ZonedRabbitMqApiFactory Api { get; }

    /// <summary>Starts both and waits until the API has heard the worker's heartbeat.</summary>
    public static async Task<WorkerScenario> StartAsync(TestBroker broker, string zonePrefix)
    {
        var zone = $"{zonePrefix}{Guid.NewGuid():N}"[..12];
        var worker = WorkerProcessHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = broker.Url,
            ["MediaServer__Zone"] = zone,
            ["MediaServer__Hostname"] = zone,
            ["MediaServer__AdvertiseInterval"] = "00:00:01",
            ["RabbitMq__RecoveryInterval"] = "00:00:00.500",
            ["Logging__Format"] = "text",
        });
        var scenario = new WorkerScenario(zone, worker, new ZonedRabbitMqApiFactory(broker.Url, zone));
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
            await Worker.DisposeAsync();
        }
    }
}
