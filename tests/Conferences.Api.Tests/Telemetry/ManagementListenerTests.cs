using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Conferences.Api.Tests.Telemetry;

/// <summary>
/// <c>Telemetry:MetricsUrl</c> (docs/operations.md, "Telemetry"): <c>/metrics</c> on a listener of its own beside the
/// public one, which does not serve it; the management listener serves nothing of the API.
/// </summary>
public sealed class ManagementListenerTests(ManagementListenerTests.Factory api) : IClassFixture<ManagementListenerTests.Factory>
{
    [Fact]
    public async Task Metrics_are_served_on_the_management_listener_only()
    {
        using var http = new HttpClient();
        var management = $"http://127.0.0.1:{api.MetricsPort}";
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{api.PublicAddress}alive"))).StatusCode);

        using var scrape = await http.GetAsync(new Uri($"{management}/metrics"));
        using var publicScrape = await http.GetAsync(new Uri($"{api.PublicAddress}metrics"));
        using var apiThroughManagement = await http.PutAsync(new Uri($"{management}/v2/api_auth"), new StringContent("{\"data\":{}}"));
        using var aliveThroughManagement = await http.GetAsync(new Uri($"{management}/alive"));

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_count", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicScrape.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiThroughManagement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aliveThroughManagement.StatusCode);
    }

    /// <summary>Real Kestrel on the addresses of <c>urls</c> plus the management listener's.</summary>
    public sealed class Factory : ApiFactory
    {
        public Factory()
        {
            UseKestrel();
            Settings.Set("urls", "http://127.0.0.1:0").Set("Telemetry:MetricsUrl", $"http://127.0.0.1:{MetricsPort}");
        }

        public int MetricsPort { get; } = LoopbackPorts.Unused();

        public Uri PublicAddress
        {
            get
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
                return new Uri(addresses.First(a => !a.EndsWith($":{MetricsPort}", StringComparison.Ordinal)) + "/");
            }
        }
    }
}
