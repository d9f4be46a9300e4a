namespace Conferences.Infrastructure.Messaging.InProcess;

public static class InProcessMessagingServiceCollectionExtensions
{
    public static IServiceCollection AddInProcessMessaging(this IServiceCollection services, Action<InProcessBusOptions>? configure = null)
    {
        var options = services.AddOptions<InProcessBusOptions>()
            .Validate(o => o.QueueCapacity > 0, "the in-process bus queue capacity must be positive")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        return services.AddKapiMessaging<InProcessBus>();
    }
}
