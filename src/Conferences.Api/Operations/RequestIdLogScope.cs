using Serilog.Context;

namespace Conferences.Api.Operations;

/// <summary>Puts the crossbar request id on every log line written while the request runs.</summary>
public sealed class RequestIdLogScope(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var id = http.Request.Headers["X-Request-ID"].ToString();
        using (LogContext.PushProperty("RequestId", id.Length > 0 ? id : http.TraceIdentifier))
        {
            await next(http).ConfigureAwait(false);
        }
    }
}
