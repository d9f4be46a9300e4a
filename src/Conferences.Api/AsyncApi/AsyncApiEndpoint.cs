using Conferences.Api.Websocket;

namespace Conferences.Api.AsyncApi;

/// <summary>
/// Serves the AsyncAPI 3.0 description of the websocket and the webhook deliveries (docs/websocket.md, docs/webhooks.md)
/// beside the OpenAPI document, with the websocket server pointed at the host and path that answered.
/// </summary>
public static class AsyncApiEndpoint
{
    public const string Path = "/asyncapi.json";

    private static readonly Lazy<JsonObject> Document = new(Load);

    public static WebApplication MapAsyncApi(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, IOptions<WebsocketOptions> websocket) =>
            Results.Text(Render(http.Request.Host, websocket.Value.Path), "application/json"))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The document with <c>servers.websocket</c> naming <paramref name="host"/> and the configured websocket path.</summary>
    public static string Render(HostString host, string websocketPath)
    {
        var document = Document.Value.DeepClone().AsObject();
        var server = document["servers"]!["websocket"]!.AsObject();
        if (host.HasValue)
        {
            server["host"] = host.Value;
        }
        server["pathname"] = websocketPath;
        document["channels"]!["blackhole"]!["address"] = websocketPath;
        return document.ToJsonString();
    }

    private static JsonObject Load()
    {
        using var stream = typeof(AsyncApiEndpoint).Assembly.GetManifestResourceStream("Conferences.Api.AsyncApi.asyncapi.json")
            ?? throw new InvalidOperationException("the AsyncAPI document is not embedded in the assembly");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
