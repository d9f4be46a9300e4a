using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Infrastructure.Messaging;

/// <summary>What every bus adapter shares; the adapter itself provides the publisher, subscriber and bus
/// health.</summary>
public static class KapiMessagingServiceCollectionExtensions
{
    public static IServiceCollection AddKapiMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KapiRequester>();
        services.TryAddSingleton<IKapiRequester>(sp => sp.GetRequiredService<KapiRequester>());
        services.TryAddSingleton<MediaManagerDirectory>();
        services.TryAddSingleton<IMediaManagerDirectory>(sp => sp.GetRequiredService<MediaManagerDirectory>());
        services.TryAddSingleton<MediaManagerDiscovery>();
        services.TryAddSingleton<NodeAdvertiser>();
        services.AddHostedService<MediaManagerDirectoryService>();
        services.AddHealthChecks().AddCheck<MessageBusHealthCheck>("bus");
        return services;
    }
}
