using Microsoft.Extensions.Http.Resilience;

namespace Conferences.Infrastructure.Storage.CouchDb;

public static class CouchDbServiceCollectionExtensions
{
    public const string HttpClientName = "couchdb";

    /// <summary>Fails at once, naming the key, when <c>ConnectionStrings:CouchDb</c> is missing or not an http(s) URL.</summary>
    public static IServiceCollection AddCouchDbStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServerConnectionOptions<CouchDbOptions>(
            configuration, CouchDbOptions.Section, CouchDbOptions.ConnectionStringName, PortProvider.Storage.ProductionChosen,
            (string? url, out string error) => CouchDbServer.TryParse(url, out _, out error));

        services.AddHttpClient<CouchDbClient>(HttpClientName, (provider, http) =>
            {
                // A backstop behind the resilience handler's own budget; it also bounds reading the body.
                http.Timeout = Options(provider).TotalTimeout + TimeSpan.FromMilliseconds(500);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = Options(provider).AttemptTimeout,
                PooledConnectionLifetime = Options(provider).ConnectionLifetime,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            })
            // The store is a singleton holding one client; PooledConnectionLifetime renews connections instead.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) => CouchDbResilience.Configure(resilience, Options(provider)));
        services.Configure<Polly.Telemetry.TelemetryOptions>(o => o.SeverityProvider = CouchDbResilience.Severity());

        // the feeds' long-lived responses go around the resilience handler, whose budget is one call's
        services.AddHttpClient(CouchDbChangeFeeds.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = Options(provider).AttemptTimeout,
                PooledConnectionLifetime = Options(provider).ConnectionLifetime,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<CouchDbChangeFeeds>();

        services.AddSingleton<CouchDbDocumentStore>(provider => new CouchDbDocumentStore(
            provider.GetRequiredService<CouchDbClient>(), provider.GetRequiredService<CouchDbChangeFeeds>()));
        services.AddSingleton<IDocumentStore>(provider => provider.GetRequiredService<CouchDbDocumentStore>());
        return services;
    }

    private static CouchDbOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<CouchDbOptions>>().Value;
}
