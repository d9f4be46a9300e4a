namespace Conferences.Api.Crossbar;

/// <summary>A successful crossbar answer: the envelope plus the ETag and Location headers Kazoo sends.</summary>
public sealed class CrossbarResult(Envelope envelope) : IActionResult
{
    public Envelope Envelope { get; } = envelope;

    public string? Location { get; init; }

    public bool SendETag { get; init; }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context.HttpContext);
    }

    /// <summary>Writes the answer without MVC (the read endpoint).</summary>
    public async Task WriteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var writer = http.RequestServices.GetRequiredService<EnvelopeWriter>();
        if (Location is not null)
        {
            http.Response.Headers.Location = Location;
        }
        if (SendETag && Envelope.Revision is not null)
        {
            var etag = $"\"{Envelope.Revision}\"";
            http.Response.Headers.ETag = etag;
            // cowboy's conditional GET: a matching If-None-Match is answered 304 with no body
            if (http.Request.Method == HttpMethods.Get && (http.GetCrossbarRequest()?.Preconditions ?? Preconditions.None).NotModified(Envelope.Revision))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentType = EnvelopeWriter.JsonContentType;
                return;
            }
        }
        await writer.WriteAsync(http, Envelope).ConfigureAwait(false);
    }
}
