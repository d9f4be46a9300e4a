namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// Debian's nginx with docs/kazoo-cluster/nginx.conf filled in as envsubst does and included inside <c>http { }</c>,
/// as a conf.d file is, by a main configuration that keeps pid, logs and temporary files in the test's directory.
/// </summary>
public sealed class NginxFixture() : ProxyFixture(Binary, "nginx")
{
    public const string Binary = "/usr/sbin/nginx";

    protected override Task<ProxyProcess> StartProxyAsync(ProxyLaunch launch)
    {
        File.WriteAllText(launch.PathTo("kazoo-api.conf"), ProxyRecipe.Fill("nginx.conf", launch.Addresses));
        File.WriteAllText(launch.PathTo("nginx.conf"), MainConfiguration(launch.Directory));
        var errorLog = launch.PathTo("error.log");
        // -e: the error log before the configuration is read; -p: the prefix relative paths resolve against
        var start = new ProcessStartInfo(launch.Binary) { WorkingDirectory = launch.Directory, ArgumentList = { "-p", launch.Directory + "/", "-c", launch.PathTo("nginx.conf"), "-e", errorLog } };
        return launch.StartAsync(start, () => File.Exists(errorLog) ? File.ReadAllText(errorLog) : string.Empty);
    }

    // As root, nginx's workers would switch to nobody, who cannot use the test's directory; elsewhere "user" is ignored.
    private static string MainConfiguration(string directory) => $$"""
        daemon off;
        {{(Environment.IsPrivilegedProcess ? "user root;" : string.Empty)}}
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{directory}}/client_body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            include {{directory}}/kazoo-api.conf;
        }
        """;
}
