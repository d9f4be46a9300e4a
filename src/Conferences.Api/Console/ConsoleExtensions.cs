using Microsoft.Net.Http.Headers;

namespace Conferences.Api.Console;

/// <summary>
/// The browser console at <c>/</c> (docs/console.md): static files from <c>wwwroot</c>, no build step. Paths of the
/// crossbar API (<c>/v1</c>, <c>/v2</c>) never reach the file server, so the API's own 404 and 405 stay as they are.
/// </summary>
public static class ConsoleExtensions
{
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseWhen(http => !IsCrossbar(http.Request.Path), console =>
        {
            console.UseDefaultFiles();
            console.UseStaticFiles(new StaticFileOptions
            {
                // the files change with the service: a browser asks again instead of running an old copy
                OnPrepareResponse = files =>
                {
                    files.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                    files.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                },
            });
        });
        return app;
    }

    private static bool IsCrossbar(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase);
}
