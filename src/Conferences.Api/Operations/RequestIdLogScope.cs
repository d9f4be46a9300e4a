using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace Conferences.Api.Operations;

public sealed class RequestIdLogScope(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using (LogContext.Push(new RequestIdEnricher(CrossbarRequestId.Of(http))))
        {
            await next(http).ConfigureAwait(false);
        }
    }

    // replaces the RequestId of ASP.NET's hosting scope, which is the trace id from before the request id was decided
    private sealed class RequestIdEnricher(string requestId) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestId", requestId));
    }
}
