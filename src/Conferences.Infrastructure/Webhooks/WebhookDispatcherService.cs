using Conferences.Core.Webhooks;
using Microsoft.Extensions.Hosting;

namespace Conferences.Infrastructure.Webhooks;

/// <summary>Runs the <see cref="WebhookDispatcher"/> for the host's lifetime; stopping leaves what is pending in the outbox.</summary>
public sealed class WebhookDispatcherService(WebhookDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
