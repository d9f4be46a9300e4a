using Microsoft.AspNetCore.Mvc.Filters;

namespace Conferences.Api.Crossbar;

/// <summary>Crossbar's checks after routing, in <c>api_resource</c>'s order (docs/compatibility.md, which error wins):
/// account 404, token 401, access 403, content type 415, a PUT's <c>If-Match</c> 412.</summary>
public sealed class CrossbarAccountFilter(AccountService accounts) : IAsyncActionFilter
{
    public const string AccountRouteKey = "account_id";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.GetCrossbarRequest() ?? throw new InvalidOperationException("crossbar middleware did not run");
        var accountId = context.RouteData.Values[AccountRouteKey]?.ToString() ?? string.Empty;
        if (!KazooIds.HasAccountIdShape(accountId))
        {
            throw KazooErrors.InvalidAccountId(accountId);
        }
        var account = await accounts.FindAsync(accountId, http.RequestAborted).ConfigureAwait(false)
            ?? throw KazooErrors.BadIdentifier(accountId);
        if (request.Token is not { Status: TokenStatus.Valid, Claims: { } claims })
        {
            throw KazooErrors.InvalidCredentials();
        }
        if (!AccountService.MayAccess(claims, account))
        {
            throw KazooErrors.Forbidden();
        }
        if (IsWrite(http.Request.Method))
        {
            request.EnsureReadableBody();
        }
        if (http.Request.Method == HttpMethods.Put)
        {
            request.Preconditions.EnsurePutAllowed();
        }
        http.SetCrossbarContext(new CrossbarContext
        {
            RequestId = request.RequestId,
            AccountId = accountId,
            AuthAccountId = claims.AccountId,
            AuthUserId = claims.OwnerId,
            Data = request.Data,
            Envelope = request.Envelope,
            Query = request.Query,
            Preconditions = request.Preconditions,
        });
        await next().ConfigureAwait(false);
    }

    private static bool IsWrite(string method) => method is "PUT" or "POST" or "PATCH";
}
