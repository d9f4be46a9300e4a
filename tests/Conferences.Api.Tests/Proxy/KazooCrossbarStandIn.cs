using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conferences.Api.Tests.Proxy;

/// <summary>
/// A stand-in for Kazoo's crossbar on a free loopback port: any verb on any path is answered 200 with an envelope
/// naming the stand-in and the request as it arrived, so a test sees which side of the proxy answered.
/// </summary>
public sealed class KazooCrossbarStandIn : IAsyncDisposable
{
    public const string ServedBy = "kazoo-stand-in";

    private readonly WebApplication app;

    private KazooCrossbarStandIn(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<KazooCrossbarStandIn> StartAsync()
    {
        // a content root of its own keeps the service's appsettings.json (beside the tests) out of it
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(http =>
        {
            var data = new JsonObject
            {
                ["served_by"] = ServedBy,
                ["method"] = http.Request.Method,
                ["path"] = http.Request.Path.Value + http.Request.QueryString.Value,
                ["x_forwarded_for"] = http.Request.Headers["X-Forwarded-For"].ToString(),
            };
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync(new JsonObject { ["data"] = data, ["status"] = "success" }.ToJsonString());
        });
        await app.StartAsync();
        return new KazooCrossbarStandIn(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
