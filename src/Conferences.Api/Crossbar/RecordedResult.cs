using Conferences.Core.Idempotency;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Writes <paramref name="inner"/> as usual, keeping a copy of its status, the headers that describe it and its
/// body, which it hands to <paramref name="recorded"/> once the answer is out (<see cref="IdempotencyFilter"/>).
/// </summary>
internal sealed class RecordedResult(CrossbarResult inner, Func<IdempotentAnswer, Task> recorded) : IActionResult
{
    /// <summary>The headers an answer is replayed with (the request id and CORS stay the new request's).</summary>
    public static readonly string[] KeptHeaders = ["Content-Type", "Location", "ETag"];

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var original = response.Body;
        using var copy = new MemoryStream();
        response.Body = copy;
        try
        {
            await inner.ExecuteResultAsync(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }
        var headers = KeptHeaders
            .Where(name => response.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => response.Headers[name].ToString(), StringComparer.OrdinalIgnoreCase);
        var answer = new IdempotentAnswer(response.StatusCode, headers, copy.ToArray());
        try
        {
            copy.Position = 0;
            await copy.CopyToAsync(original, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            // the request acted: its answer is kept even when the client left before reading it
            await recorded(answer).ConfigureAwait(false);
        }
    }
}
