namespace Conferences.Api.Websocket;

/// <summary>Puts the websocket path in front of the application's pipeline: <c>UseWebSockets</c> and the endpoint, on that path only.</summary>
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
