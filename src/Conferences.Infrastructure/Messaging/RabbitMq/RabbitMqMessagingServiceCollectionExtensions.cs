using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

public static class RabbitMqMessagingServiceCollectionExtensions
{
    /// <summary>Fails at once, naming the key, when <c>ConnectionStrings:RabbitMq</c> is missing or not an AMQP URI.</summary>
    public static IServiceCollection AddRabbitMqMessaging(
        this IServiceCollection services, IConfiguration configuration, Action<RabbitMqOptions>? configure = null)
    {
        var options = services.AddServerConnectionOptions<RabbitMqOptions>(
            configuration, RabbitMqOptions.Section, RabbitMqOptions.ConnectionStringName, PortProvider.Messaging.ProductionChosen,
            (string? uri, out string error) => RabbitMqEndpoint.TryParse(uri, out _, out error));
        if (configure is not null)
        {
            options.Configure(configure);
        }
        return services.AddKapiMessaging<RabbitMqBus>();
    }
}
