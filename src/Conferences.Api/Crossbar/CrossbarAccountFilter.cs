using Conferences.Core.Accounts;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;
using Conferences.Core.Kazoo;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Crossbar's checks after routing, in Kazoo's order (kazoo-reference §1.2 steps 4–7): the account path token
/// (32 characters, existing account → else 404), a usable token (401), access to the account (403), a JSON
/// content type for writes (415), then a PUT's <c>If-Match</c> (412, <see cref="Preconditions"/>). Then it hands the
/// action a <see cref="CrossbarContext"/>.
/// </summary>
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
        if (request.UnsupportedContentType is { } contentType && IsWrite(http.Request.Method))
        {
            throw KazooErrors.UnsupportedMediaType(contentType);
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
