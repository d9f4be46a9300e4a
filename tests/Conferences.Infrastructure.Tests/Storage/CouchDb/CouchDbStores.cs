using Conferences.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// CouchDB stores built the way the service builds them (<c>AddStorage</c> with <c>Storage:Provider=couchdb</c>), one
/// service provider each, so every store has its own client, resilience pipeline and circuit breaker.
/// </summary>
public sealed class CouchDbStores : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];

    public static IConfiguration Configuration(string url, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "couchdb",
            ["ConnectionStrings:CouchDb"] = url,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public ServiceProvider Services(string url, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = Configuration(url, settings);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddStorage(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        lock (providers)
        {
            providers.Add(provider);
        }
        return provider;
    }

    public IDocumentStore Store(string url, IReadOnlyDictionary<string, string?>? settings = null) =>
        Services(url, settings).GetRequiredService<IDocumentStore>();

    public CouchDbClient Client(string url) => Services(url).GetRequiredService<CouchDbClient>();

    /// <summary>The service's client with <paramref name="handler"/> in place of the network (resilience handler included).</summary>
    public CouchDbClient ClientOver(string url, HttpMessageHandler handler, IReadOnlyDictionary<string, string?>? settings = null) =>
        ServicesOver(url, handler, settings).GetRequiredService<CouchDbClient>();

    /// <summary>The service's store with <paramref name="handler"/> in place of the network for its calls.</summary>
    public IDocumentStore StoreOver(string url, HttpMessageHandler handler, IReadOnlyDictionary<string, string?>? settings = null) =>
        ServicesOver(url, handler, settings).GetRequiredService<IDocumentStore>();

    private ServiceProvider ServicesOver(string url, HttpMessageHandler handler, IReadOnlyDictionary<string, string?>? settings) =>
        Services(url, settings, services =>
            services.AddHttpClient(CouchDbServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

    public async ValueTask DisposeAsync()
    {
        List<ServiceProvider> all;
        lock (providers)
        {
            all = [.. providers];
            providers.Clear();
        }
        foreach (var provider in all)
        {
            await provider.DisposeAsync();
        }
    }
}
