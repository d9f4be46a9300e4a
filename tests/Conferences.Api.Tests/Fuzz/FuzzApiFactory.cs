using Conferences.Api.Tests.Dial;
using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Fuzz;

/// <summary>The embedded service with a fast simulator, so that generated dials answer in milliseconds.</summary>
public sealed class FuzzApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DialHost.ScaleSimulatorClock(builder);
    }
}
