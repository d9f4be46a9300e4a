using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Infrastructure.Messaging;

/// <summary>
/// What every bus adapter shares, registered by each adapter's <c>Add…Messaging()</c>: the requester
/// (<c>kz_amqp_worker</c>), the media-manager directory and its listener, discovery, the node advertiser and the
/// <c>bus</c> health check. The adapter itself provides <see cref="IKapiPublisher"/>, <see cref="IKapiSubscriber"/>
/// and <see cref="IMessageBusHealth"/>.
/// </summary>
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
