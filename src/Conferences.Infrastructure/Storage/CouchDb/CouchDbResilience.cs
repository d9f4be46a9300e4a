using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>Total budget, per-attempt timeout, retries of repeatable requests (ADR 0003), and a self-healing circuit
/// breaker.</summary>
public static class CouchDbResilience
{
    public static void Configure(HttpStandardResilienceOptions resilience, CouchDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        var attempt = options.AttemptTimeout <= options.TotalTimeout ? options.AttemptTimeout : options.TotalTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.AttemptTimeout.Timeout = attempt;

        resilience.Retry.MaxRetryAttempts = options.MaxRetries;
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        // A Retry-After from a proxy must not stretch a call past its budget.
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            CouchDbRequests.IsRepeatable(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome));

        resilience.CircuitBreaker.BreakDuration = options.BreakDuration;
        resilience.CircuitBreaker.FailureRatio = options.FailureRatio;
        resilience.CircuitBreaker.MinimumThroughput = options.MinimumThroughput;
        // The standard handler requires a sampling window of at least two attempts.
        resilience.CircuitBreaker.SamplingDuration = options.SamplingDuration >= 2 * attempt ? options.SamplingDuration : 2 * attempt;
    }

    /// <summary>One Error when the circuit opens, retries Warning: Polly's defaults would page once per request in an
    /// outage.</summary>
    public static Func<SeverityProviderArguments, ResilienceEventSeverity> Severity()
    {
        var outage = 0;
        return args => args.Event.EventName switch
        {
            "ExecutionAttempt" => ResilienceEventSeverity.Debug,
            "OnRetry" or "OnTimeout" or "OnCircuitHalfOpened" => ResilienceEventSeverity.Warning,
            "OnCircuitOpened" => Interlocked.Exchange(ref outage, 1) == 0 ? ResilienceEventSeverity.Error : ResilienceEventSeverity.Warning,
            "OnCircuitClosed" => Interlocked.Exchange(ref outage, 0) == 1 ? ResilienceEventSeverity.Warning : ResilienceEventSeverity.Information,
            _ => args.Event.Severity,
        };
    }
}
