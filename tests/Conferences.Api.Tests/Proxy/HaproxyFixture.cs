namespace Conferences.Api.Tests.Proxy;

/// <summary>Debian's HAProxy running docs/kazoo-cluster/haproxy.cfg unchanged, its addresses given by the environment.</summary>
public sealed class HaproxyFixture() : ProxyFixture(Binary, "haproxy")
{
    public const string Binary = "/usr/sbin/haproxy";

    protected override Task<ProxyProcess> StartProxyAsync(ProxyLaunch launch)
    {
        // -db: in the foreground, not as a daemon, so the test owns the process
        var start = new ProcessStartInfo(launch.Binary) { WorkingDirectory = launch.Directory, ArgumentList = { "-db", "-f", ProxyRecipe.File("haproxy.cfg") } };
        foreach (var (name, value) in launch.Addresses)
        {
            start.Environment[name] = value;
        }
        return launch.StartAsync(start);
    }
}
