using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.Api.Tests.Fixtures;

/// <summary>
/// The service behind real Kestrel on a free loopback port, for requests the in-memory test server refuses to
/// send (e.g. <c>%00</c> in the path).
/// </summary>
public sealed class KestrelApiFactory : ApiFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelApiFactory()
    {
        UseKestrel(0);
        _address = new(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        });
    }

    /// <summary>Where the service listens, e.g. for a proxy in front of it.</summary>
    public Uri Address => _address.Value;

    protected override Uri BaseAddress => _address.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // keeps Program from binding its default http://127.0.0.1:8000
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
