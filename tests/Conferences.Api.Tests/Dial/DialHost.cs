using Conferences.MediaServer.State;

namespace Conferences.Api.Tests.Dial;

/// <summary>What dial tests need from a host: its media manager known, its conferences read.</summary>
public static class DialHost
{
    /// <summary>Generous: the tests poll, and a loaded machine must not make them fail.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static SimulatorControl Simulator(this ApiFactory api) => api.Services.GetRequiredService<SimulatorControl>();

    /// <summary>
    /// Waits until crossbar's side counts this host's simulator as a media manager (its first heartbeat arrived);
    /// other managers on a shared broker do not count.
    /// </summary>
    public static async Task MediaManagerKnownAsync(this ApiFactory api)
    {
        var directory = api.Services.GetRequiredService<IMediaManagerDirectory>();
        var node = api.Simulator().Identity.ManagerNode;
        var deadline = DateTime.UtcNow + Patience;
        while (!directory.Managers.Any(m => m.Node == node) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains(directory.Managers, m => m.Node == node);
    }

    /// <summary>The running conference once it has <paramref name="members"/> members (as it is when that never happens).</summary>
    public static async Task<ConferenceSnapshot?> ConferenceWithAsync(this ApiFactory api, string conferenceId, int members)
    {
        var simulator = api.Simulator();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (simulator.FindConference(conferenceId) is { } snapshot && snapshot.Participants.Count >= members)
            {
                return snapshot;
            }
            await Task.Delay(20);
        }
        return simulator.FindConference(conferenceId);
    }
}
