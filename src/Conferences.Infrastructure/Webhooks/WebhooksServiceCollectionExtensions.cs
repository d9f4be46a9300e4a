using Conferences.Core.Webhooks;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>
/// Registers conference webhooks (docs/webhooks.md): the Core services, the address policy, the HTTP sender's
/// client, and — unless <c>Webhooks:Enabled</c> is false — the intake and the dispatcher with the host.
/// </summary>
public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero && o.MaxBodyBytes > 0 && o.MaxResponseBytes > 0
                && o.LeaseDuration > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.DirectoryLifetime >= TimeSpan.Zero
                && o.AttemptsKept > 0 && o.AttemptsMaxAge > TimeSpan.Zero,
                "Webhooks: durations must be positive, byte limits and AttemptsKept above zero")
            .Validate(o => o.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Webhooks:AllowedNetworks: each entry must be a CIDR network such as 127.0.0.0/8")
            .ValidateOnStart();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookValidator>();
        services.AddSingleton<WebhookDirectory>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookAttempts>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookLeases>();
        services.AddSingleton<ConferenceSequences>();
        services.AddSingleton<WebhookDisabler>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddSingleton<WebhookAttemptPruner>();
        services.AddSingleton<WebhookLedger>();
        services.AddSingleton<WebhookWorker>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WebhookNetworks>();
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<IWebhookAddressPolicy, WebhookAddressPolicy>();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddHttpClient(HttpWebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().ConnectAsync,
            })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        if (configuration.GetValue(WebhookOptions.Section + ":Enabled", true))
        {
            services.AddHostedService<WebhookIntakeService>();
            services.AddHostedService<WebhookDispatcherService>();
        }
        return services;
    }
}
