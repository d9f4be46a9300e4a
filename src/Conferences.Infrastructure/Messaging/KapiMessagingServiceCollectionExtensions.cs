using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Infrastructure.Messaging;

/// <summary>The bus adapter <typeparamref name="TBus"/> as the bus ports, and what every bus adapter shares.</summary>
public static class KapiMessagingServiceCollectionExtensions
{
    public static IServiceCollection AddKapiMessaging<TBus>(this IServiceCollection services)
        where TBus : class, IKapiPublisher, IKapiSubscriber, IKapiBatchSubscriber, IMessageBusHealth
    {
        services.TryAddSingleton<TBus>();
        services.TryAddSingleton<IKapiPublisher>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton<IKapiSubscriber>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton<IKapiBatchSubscriber>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton<IMessageBusHealth>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KapiRequester>();
        services.TryAddSingleton<IKapiRequester>(sp => sp.GetRequiredService<KapiRequester>());
        services.TryAddSingleton<MediaManagerDirectory>();
        services.TryAddSingleton<IMediaManagerDirectory>(sp => sp.GetRequiredService<MediaManagerDirectory>());
        services.TryAddSingleton<MediaManagerDiscovery>();
        services.TryAddSingleton<NodeAdvertiser>();
        services.AddHostedService<BusListenerHost<MediaManagerDirectory>>();
        services.AddHealthChecks().AddCheck<MessageBusHealthCheck>("bus");
        return services;
    }
}
