using Conferences.Core.Auth;

namespace Conferences.Infrastructure.Auth;

/// <summary><c>/health</c>: degraded (not unhealthy) while Kazoo-issued tokens cannot be verified; own tokens still work.</summary>
public sealed class KazooAuthHealthCheck(KazooAuthStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await status.ProblemAsync(cancellationToken).ConfigureAwait(false) is { } problem
                ? HealthCheckResult.Degraded(problem)
                : HealthCheckResult.Healthy(status.Describe());
        }
        catch (DatastoreUnavailableException e)
        {
            return HealthCheckResult.Degraded($"Kazoo's keys cannot be read: {e.Message}");
        }
    }
}
