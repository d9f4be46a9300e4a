using Conferences.Core.Idempotency;

namespace Conferences.Api.Crossbar;

/// <summary>The first answer under an <c>Idempotency-Key</c>, again: its status, headers and body, marked <c>Idempotent-Replayed: true</c>.</summary>
internal sealed class ReplayedResult(IdempotentAnswer answer) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }
        response.Headers[IdempotencyFilter.ReplayedHeader] = "true";
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
