using Conferences.Core.Errors;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Crossbar's route and method check (api_resource:allowed_methods/2 with cb_conferences:allowed_methods), after
/// routing and before any account or token check: a path of no known shape → 404 <c>not_found</c>; a known shape with a verb it
/// does not allow → 405 <c>invalid_method</c> with <c>Allow</c>. Both compare case-sensitively, so <c>get</c> and
/// <c>/CONFERENCES</c> are not served although ASP.NET's own matching ignores case.
/// </summary>
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
