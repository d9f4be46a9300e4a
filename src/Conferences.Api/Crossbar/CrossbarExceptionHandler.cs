using Conferences.Core.Messaging;
using Conferences.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Conferences.Api.Crossbar;

/// <summary>The one place where failures become Kazoo error envelopes (docs/compatibility.md D9).</summary>
public sealed partial class CrossbarExceptionHandler(EnvelopeWriter writer, IOptions<CrossbarOptions> options, ILogger<CrossbarExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = Translate(exception);
        if (error is null)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = KazooErrors.InitFailed();
        }
        else if (error.Status >= 500)
        {
            LogUnavailable(logger, exception.Message, httpContext.Request.Method, httpContext.Request.Path);
        }
        await writer.WriteAsync(httpContext, new Envelope
        {
            Status = error.Status,
            ErrorName = error.ErrorName,
            Data = error.ErrorData?.DeepClone(),
        }).ConfigureAwait(false);
        return true;
    }

    private CrossbarException? Translate(Exception exception) => exception switch
    {
        CrossbarException crossbar => crossbar,
        DocumentConflictException => KazooErrors.Conflict(),
        DatastoreUnavailableException => KazooErrors.DatastoreUnreachable(),
        BusUnavailableException => KazooErrors.BusUnavailable(),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => KazooErrors.PayloadTooLarge(options.Value.MaxBodyBytes),
        BadHttpRequestException bad => KazooErrors.Validation("body", "invalid", bad.Message),
        OperationCanceledException => KazooErrors.RequestCancelled(),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason, string method, string path);
}
