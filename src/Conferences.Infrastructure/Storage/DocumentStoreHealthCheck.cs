namespace Conferences.Infrastructure.Storage;

public sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        return PortHealth.ToResult(health.Healthy, health.Provider, health.Description);
    }
}
