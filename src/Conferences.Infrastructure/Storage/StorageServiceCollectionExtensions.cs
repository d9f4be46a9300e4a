using Conferences.Core.Auth;
using Conferences.Infrastructure.Auth;
using Conferences.Infrastructure.Storage.CouchDb;
using Conferences.Infrastructure.Storage.Sqlite;

namespace Conferences.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string DefaultSqliteConnection = "Data Source=conferences.db";

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = PortProvider.Storage;
        var provider = configuration[storage.Key] ?? storage.Embedded;
        var chosen = provider.ToLowerInvariant();
        var couch = chosen == storage.Production;
        if (couch)
        {
            services.AddCouchDbStore(configuration);
        }
        else if (chosen == storage.Embedded)
        {
            var connection = configuration.GetConnectionString("Sqlite") is { Length: > 0 } c ? c : DefaultSqliteConnection;
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SqliteStoreOptions { ConnectionString = connection }));
            services.AddSingleton<IDocumentStore, SqliteDocumentStore>();
            services.AddSingleton<Core.Idempotency.IIdempotencyStore, SqliteIdempotencyStore>();
        }
        else
        {
            throw storage.Unsupported(provider);
        }
        services.AddHealthChecks().AddCheck<DocumentStoreHealthCheck>("store").AddCheck<KazooAuthHealthCheck>("kazoo_auth");
        // Kazoo's tokens are accepted by default where Kazoo's keys can be: a CouchDB that Kazoo shares
        services.PostConfigure<KazooAuthOptions>(o => o.Enabled ??= couch);
        return services;
    }

    /// <summary>Removes expired <c>Idempotency-Key</c> documents while the host runs (needs <c>AddConferencesCore</c>).</summary>
    public static IServiceCollection AddIdempotencySweep(this IServiceCollection services)
    {
        services.AddHostedService<IdempotencySweepService>();
        return services;
    }
}
