namespace Conferences.Api.Websocket;

// Maps the websocket path (UseWebSockets and the endpoint) ahead of the application's pipeline, on that path only.
internal sealed class BlackholeStartupFilter(IOptions<WebsocketOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var endpoint = app.ApplicationServices.GetRequiredService<BlackholeEndpoint>();
        app.Map(options.Value.Path, websocket =>
        {
            websocket.UseWebSockets();
            websocket.Run(endpoint.HandleAsync);
        });
        next(app);
    };
}
