using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conferences.Benchmarks;

/// <summary>The baseline: a bare Kestrel endpoint that answers fixed bytes, the same bytes the API answered.</summary>
public sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <param name="contentEncoding">sent as <c>Content-Encoding</c> when the bodies are compressed bytes.</param>
    public BareServer(int port, IReadOnlyDictionary<string, byte[]> bodies, string? contentEncoding = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapGet("/bare/{name}", async (string name, HttpContext http) =>
        {
            var body = bodies[name];
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = body.Length;
            if (contentEncoding is not null)
            {
                http.Response.Headers.ContentEncoding = contentEncoding;
            }
            await http.Response.Body.WriteAsync(body);
        });
    }

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
