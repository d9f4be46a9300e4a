namespace Conferences.Api.Crossbar;

/// <summary>Crossbar's case-sensitive 404/405 check, before any account or token check (ADR 0010).</summary>
public sealed class CrossbarRoutingMiddleware(RequestDelegate next, CrossbarRouteTable routes)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetCrossbarRequest() is null)
        {
            return next(http);
        }
        var route = routes.Find(http.Request.Path.Value ?? string.Empty) ?? throw KazooErrors.NotFound();
        if (!route.Allows(http.Request.Method))
        {
            throw KazooErrors.InvalidMethod();
        }
        // the shape and verb are known, so ASP.NET found the action (its matching is the case-insensitive superset)
        return http.GetEndpoint() is null ? throw KazooErrors.NotFound() : next(http);
    }
}
