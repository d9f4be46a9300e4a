using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>
/// The resilience pipeline of the CouchDB client (Microsoft.Extensions.Http.Resilience's standard handler):
/// a total budget per call including retries, a timeout per attempt, retries with jittered backoff only for
/// repeatable requests (<see cref="CouchDbRequests"/>, house style §7), and a circuit breaker that fails calls at once
/// while CouchDB is down and lets one probe through after <see cref="CouchDbOptions.BreakDuration"/>, so the service
/// recovers without a restart.
/// </summary>
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

    /// <summary>
    /// How loud the pipeline's events are: an outage is one Error, when the circuit first opens (a failed probe that
    /// opens it again is a Warning until it closes); each retry is a Warning; each attempt is Debug (the retry and the
    /// request's own 503 already say it). Polly's defaults log every failed last attempt as an Error, which pages an
    /// operator once per request during a short outage.
    /// </summary>
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
