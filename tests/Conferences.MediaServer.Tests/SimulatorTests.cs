namespace Conferences.MediaServer.Tests;

/// <summary>
/// A test class whose every test gets a simulator of its own, on a bus of its own, started before the test and
/// stopped after it, and a new conference id.
/// </summary>
public abstract class SimulatorTests : IAsyncLifetime
{
    protected SimulatorHarness Sim { get; private set; } = null!;

    protected string Conf { get; } = KazooIds.NewId();

    public async Task InitializeAsync() => Sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (Sim is not null)
        {
            await Sim.DisposeAsync();
        }
    }
}
