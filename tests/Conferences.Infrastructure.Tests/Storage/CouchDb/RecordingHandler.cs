namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// A primary handler that records what would go on the wire and answers from <paramref name="answer"/>; it stands
/// in for CouchDB where a test looks at the client's requests (headers, attempts) rather than at CouchDB.
/// </summary>
public sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Uri, string? Authorization)> requests = [];

    public IReadOnlyList<(HttpMethod Method, string Uri, string? Authorization)> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add((request.Method, request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString()));
        }
        return Task.FromResult(answer(request));
    }
}
