using Conferences.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Dial;

/// <summary>
/// The embedded default (in-process bus, built-in simulator) with the simulator's clock scaled down, so a
/// <c>sip:noanswer@…</c> endpoint gives up after 1% of the dial timeout instead of 20 s.
/// </summary>
public sealed class DialApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DialHost.ScaleSimulatorClock(builder);
    }
}

/// <summary><see cref="DialApiFactory"/> with <c>Storage:Provider=couchdb</c> against the test CouchDB server.</summary>
public sealed class CouchDbDialApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var server = Environment.GetEnvironmentVariable(CouchDbApiFactory.ServerVariable);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException($"{CouchDbApiFactory.ServerVariable} is not set: run the tests with ./build.sh test");
        }
        builder.UseSetting("Storage:Provider", "couchdb");
        builder.UseSetting("ConnectionStrings:CouchDb", server);
        DialHost.ScaleSimulatorClock(builder);
    }
}
