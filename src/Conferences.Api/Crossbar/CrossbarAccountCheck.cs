namespace Conferences.Api.Crossbar;

/// <summary>Crossbar's checks after routing, in <c>api_resource</c>'s order (docs/compatibility.md, which error wins):
/// account 404, token 401, access 403, content type 415, a PUT's <c>If-Match</c> 412. Run by the MVC filter and by the
/// read endpoint alike.</summary>
public sealed class CrossbarAccountCheck(AccountService accounts)
{
    public const string AccountRouteKey = "account_id";

    /// <summary>The authenticated request below <c>/v2/accounts/{account_id}</c>, also set on the context.</summary>
    public async Task<CrossbarContext> CheckAsync(HttpContext http, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(http);
        accountId ??= string.Empty;
        var request = http.GetCrossbarRequest() ?? throw new InvalidOperationException("crossbar middleware did not run");
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
        var context = new CrossbarContext
        {
            RequestId = request.RequestId,
            AccountId = accountId,
            AuthAccountId = claims.AccountId,
            AuthUserId = claims.OwnerId,
            Data = request.Data,
            Envelope = request.Envelope,
            Query = request.Query,
            Preconditions = request.Preconditions,
        };
        http.SetCrossbarContext(context);
        return context;
    }

    private static bool IsWrite(string method) => method is "PUT" or "POST" or "PATCH";
}
