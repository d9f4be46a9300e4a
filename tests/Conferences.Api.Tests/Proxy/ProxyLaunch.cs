namespace Conferences.Api.Tests.Proxy;

/// <summary>What every proxy run starts from: its binary, a directory and a loopback port of its own, and the three
/// addresses of <see cref="ProxyRecipe"/> filled in.</summary>
public sealed record ProxyLaunch(string Binary, string Directory, int Port, IReadOnlyDictionary<string, string> Addresses)
{
    /// <summary>Fails at once when <paramref name="binary"/> is not installed.</summary>
    public static ProxyLaunch Prepare(string binary, string name, Uri conferences, Uri kazoo)
    {
        var required = ProxyProcess.Require(binary);
        var port = ProxyProcess.FreePort();
        return new(required, ProxyProcess.NewDirectory(name), port, new Dictionary<string, string>
        {
            [ProxyRecipe.Listen] = $"127.0.0.1:{port}",
            [ProxyRecipe.ConferencesServer] = ProxyRecipe.HostPort(conferences),
            [ProxyRecipe.KazooCrossbarServer] = ProxyRecipe.HostPort(kazoo),
        });
    }

    public string PathTo(string file) => Path.Combine(Directory, file);

    public Task<ProxyProcess> StartAsync(ProcessStartInfo start, Func<string>? log = null) =>
        ProxyProcess.StartAsync(start, Directory, Port, log);
}
