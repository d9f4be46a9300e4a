namespace Conferences.Infrastructure;

internal static class PortHealth
{
    public static HealthCheckResult ToResult(bool healthy, string provider, string description)
    {
        var data = new Dictionary<string, object> { ["provider"] = provider };
        return healthy ? HealthCheckResult.Healthy(description, data) : HealthCheckResult.Unhealthy(description, data: data);
    }
}
