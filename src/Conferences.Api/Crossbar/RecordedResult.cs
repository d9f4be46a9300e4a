using Conferences.Core.Idempotency;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Writes <paramref name="inner"/> as usual and hands its status, the headers that describe it and its body to
/// <paramref name="recorded"/> once the answer is out (<see cref="IdempotencyFilter"/>). The body is the one the
/// <see cref="EnvelopeWriter"/> rendered (<see cref="RecordedBody"/>), so nothing is buffered or copied twice.
/// </summary>
internal sealed class RecordedResult(CrossbarResult inner, Func<IdempotentAnswer, Task> recorded) : IActionResult
{
    /// <summary>The headers an answer is replayed with (the request id and CORS stay the new request's).</summary>
    public static readonly string[] KeptHeaders = ["Content-Type", "Location", "ETag"];

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var body = new RecordedBody();
        http.Features.Set(body);
        var written = false;
        try
        {
            await inner.ExecuteResultAsync(context).ConfigureAwait(false);
            written = true;
        }
        finally
        {
            http.Features.Set<RecordedBody>(null);
            // the request acted: its answer is kept even when the client left while it was written
            if (written || body.Bytes is not null)
            {
                await recorded(new IdempotentAnswer(http.Response.StatusCode, Headers(http.Response), body.Bytes ?? [])).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, string> Headers(HttpResponse response)
    {
        var headers = new Dictionary<string, string>(KeptHeaders.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
        {
            if (response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }
        return headers;
    }
}

/// <summary>Asks the <see cref="EnvelopeWriter"/> for a copy of the body it renders: the answer kept under an <c>Idempotency-Key</c>.</summary>
internal sealed class RecordedBody
{
    public byte[]? Bytes { get; set; }
}
