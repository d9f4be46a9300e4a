using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

public static class RabbitMqMessagingServiceCollectionExtensions
{
    /// <summary>Fails at once, naming the key, when <c>ConnectionStrings:RabbitMq</c> is missing or not an AMQP URI.</summary>
    public static IServiceCollection AddRabbitMqMessaging(
        this IServiceCollection services, IConfiguration configuration, Action<RabbitMqOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(RabbitMqOptions.ConnectionStringName);
        if (!RabbitMqEndpoint.TryParse(connectionString, out _, out var error))
        {
            throw new InvalidOperationException($"Messaging:Provider is '{RabbitMqBus.ProviderName}' but {error}.");
        }
        var options = services.AddOptions<RabbitMqOptions>()
            .Bind(configuration.GetSection(RabbitMqOptions.Section))
            .Configure(o => o.ConnectionString = connectionString!)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton<RabbitMqBus>();
        services.TryAddSingleton<IKapiPublisher>(sp => sp.GetRequiredService<RabbitMqBus>());
        services.TryAddSingleton<IKapiSubscriber>(sp => sp.GetRequiredService<RabbitMqBus>());
        services.TryAddSingleton<IMessageBusHealth>(sp => sp.GetRequiredService<RabbitMqBus>());
        return services.AddKapiMessaging();
    }
}
