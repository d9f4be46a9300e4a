using Conferences.Api.Crossbar;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace Conferences.Api.Operations;

/// <summary>Decides the request id first (<see cref="CrossbarRequestId"/>) and puts it on every log line of the request.</summary>
public sealed class RequestIdLogScope(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using (LogContext.Push(new RequestIdEnricher(CrossbarRequestId.Of(http))))
        {
            await next(http).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces the <c>RequestId</c> of ASP.NET's own hosting scope, which names the connection's trace id as it was
    /// before the request id was decided.
    /// </summary>
    private sealed class RequestIdEnricher(string requestId) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestId", requestId));
    }
}
