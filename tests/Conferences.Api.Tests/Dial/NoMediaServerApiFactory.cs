using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Dial;

/// <summary>The embedded default without the simulator (<c>MediaServer:Simulator=false</c>): nothing takes a dial.</summary>
public sealed class NoMediaServerApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MediaServer:Simulator", "false");
    }
}
