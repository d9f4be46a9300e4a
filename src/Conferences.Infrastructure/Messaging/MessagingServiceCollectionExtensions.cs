using Conferences.Infrastructure.Messaging.InProcess;
using Conferences.Infrastructure.Messaging.RabbitMq;

namespace Conferences.Infrastructure.Messaging;

/// <summary>Selects the Kazoo bus from <c>Messaging:Provider</c> (docs/operations.md); each adapter registers the <c>bus</c> health check.</summary>
public static class MessagingServiceCollectionExtensions
{
    public static string MessagingProvider(this IConfiguration configuration) =>
        (configuration[$"{MessagingOptions.Section}:Provider"] is { Length: > 0 } p ? p : MessagingOptions.InProcess).ToLowerInvariant();

    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.MessagingProvider();
        return provider switch
        {
            MessagingOptions.InProcess => services.AddInProcessMessaging(),
            MessagingOptions.RabbitMq => services.AddRabbitMqMessaging(configuration),
            _ => throw new InvalidOperationException($"Messaging:Provider '{provider}' is not supported; use 'inprocess' or 'rabbitmq'."),
        };
    }
}
