using Microsoft.AspNetCore.Mvc.Filters;

namespace Conferences.Api.Crossbar;

/// <summary>Runs <see cref="CrossbarAccountCheck"/> before an MVC action below <c>/v2/accounts/{account_id}</c>.</summary>
public sealed class CrossbarAccountFilter(CrossbarAccountCheck check) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await check.CheckAsync(context.HttpContext, context.RouteData.Values[CrossbarAccountCheck.AccountRouteKey]?.ToString()).ConfigureAwait(false);
        await next().ConfigureAwait(false);
    }
}
