using Conferences.Infrastructure.Messaging.InProcess;
using Conferences.Infrastructure.Messaging.RabbitMq;

namespace Conferences.Infrastructure.Messaging;

/// <summary>Selects the Kazoo bus from <c>Messaging:Provider</c> (docs/operations.md); each adapter registers the <c>bus</c> health check.</summary>
public static class MessagingServiceCollectionExtensions
{
    public static string MessagingProvider(this IConfiguration configuration) =>
        (configuration[PortProvider.Messaging.Key] is { Length: > 0 } p ? p : PortProvider.Messaging.Embedded).ToLowerInvariant();

    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var messaging = PortProvider.Messaging;
        var provider = configuration.MessagingProvider();
        if (provider == messaging.Embedded)
        {
            return services.AddInProcessMessaging();
        }
        return provider == messaging.Production ? services.AddRabbitMqMessaging(configuration) : throw messaging.Unsupported(provider);
    }
}
