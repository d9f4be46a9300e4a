namespace Conferences.Api.Tests.Proxy;

/// <summary>Debian's HAProxy running docs/kazoo-cluster/haproxy.cfg unchanged, its addresses given by the environment.</summary>
public sealed class HaproxyFixture : ProxyFixture
{
    public const string Binary = "/usr/sbin/haproxy";

    protected override Task<ProxyProcess> StartProxyAsync(Uri conferences, Uri kazoo)
    {
        var binary = ProxyProcess.Require(Binary);
        var port = ProxyProcess.FreePort();
        var directory = ProxyProcess.NewDirectory("haproxy");
        // -db: in the foreground, not as a daemon, so the test owns the process
        var start = new ProcessStartInfo(binary) { WorkingDirectory = directory, ArgumentList = { "-db", "-f", ProxyRecipe.File("haproxy.cfg") } };
        start.Environment[ProxyRecipe.Listen] = $"127.0.0.1:{port}";
        start.Environment[ProxyRecipe.ConferencesServer] = ProxyRecipe.HostPort(conferences);
        start.Environment[ProxyRecipe.KazooCrossbarServer] = ProxyRecipe.HostPort(kazoo);
        return ProxyProcess.StartAsync(start, directory, port);
    }
}
