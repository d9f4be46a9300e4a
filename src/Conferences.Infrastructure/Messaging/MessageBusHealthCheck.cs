namespace Conferences.Infrastructure.Messaging;

public sealed class MessageBusHealthCheck(IMessageBusHealth bus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await bus.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return PortHealth.ToResult(health.Healthy, health.Provider, health.Description);
    }
}
