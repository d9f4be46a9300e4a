using Polly;
using Polly.Telemetry;

namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

public sealed class CouchDbLogSeverityTests
{
    [Fact]
    public void An_outage_is_one_error_retries_are_warnings_and_attempts_are_debug()
    {
        var severity = CouchDbResilience.Severity();

        Assert.Equal(ResilienceEventSeverity.Debug, severity(Event("ExecutionAttempt")));
        Assert.Equal(ResilienceEventSeverity.Warning, severity(Event("OnRetry")));
        Assert.Equal(ResilienceEventSeverity.Error, severity(Event("OnCircuitOpened")));
        Assert.Equal(ResilienceEventSeverity.Warning, severity(Event("OnCircuitHalfOpened")));
        Assert.Equal(ResilienceEventSeverity.Warning, severity(Event("OnCircuitOpened")));
        Assert.Equal(ResilienceEventSeverity.Warning, severity(Event("OnCircuitClosed")));
        Assert.Equal(ResilienceEventSeverity.Error, severity(Event("OnCircuitOpened")));
    }

    private static SeverityProviderArguments Event(string name) =>
        new(new ResilienceTelemetrySource("couchdb", null, "test"), new ResilienceEvent(ResilienceEventSeverity.Error, name), ResilienceContextPool.Shared.Get());
}
