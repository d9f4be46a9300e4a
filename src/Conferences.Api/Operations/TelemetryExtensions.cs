using Conferences.Infrastructure;
using Conferences.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Conferences.Api.Operations;

/// <summary>
/// The API's telemetry (docs/operations.md, "Telemetry"): the shared OpenTelemetry setup plus ASP.NET Core's request
/// spans and its <c>http.server.request.duration</c> (by <c>http.route</c>, method and status), and <c>/metrics</c>
/// in Prometheus text — on a listener of its own (<c>Telemetry:MetricsUrl</c>) or, when asked, on the public one.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = (builder.Configuration[PortProvider.Storage.Key] ?? PortProvider.Storage.Embedded).ToLowerInvariant();
        var planned = TelemetryOptions.From(builder.Configuration);
        var options = builder.Services.AddConferencesOpenTelemetry(builder.Configuration, "conferences-api", store,
            t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http, planned)),
            m =>
            {
                m.AddAspNetCoreInstrumentation();
                if (planned.MetricsServed)
                {
                    // every scrape collects afresh: Prometheus scrapes seldom, and a cached answer would lag
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        builder.Services.AddSingleton(options);
        if (options.Enabled && options.MetricsUrl is { } url)
        {
            // the management listener beside the public one(s): --urls / ASPNETCORE_URLS / the default of Program.cs
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseUrls([.. (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries), url.GetLeftPart(UriPartial.Authority)]);
        }
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> where configured; the management listener answers only <c>/metrics</c>, <c>/alive</c> and
    /// <c>/health</c> (404 for everything else, so the API is not reachable through it).
    /// </summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.MetricsServed)
        {
            return app;
        }
        if (options.MetricsUrl is { } url)
        {
            app.Use((http, next) => http.Connection.LocalPort != url.Port || IsManagement(http.Request.Path)
                ? next(http)
                : Results.NotFound().ExecuteAsync(http));
        }
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => IsScrape(http, options));
        return app;
    }

    private static bool IsScrape(HttpContext http, TelemetryOptions options) =>
        options.MetricsServed
        && http.Request.Path == MetricsPath
        && (options.MetricsOnPublicListener || http.Connection.LocalPort == options.MetricsUrl?.Port);

    private static bool IsManagement(PathString path) => path == MetricsPath || path == "/alive" || path == "/health";
}
