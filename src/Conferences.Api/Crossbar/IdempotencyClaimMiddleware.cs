using Conferences.Core.Auth;
using Conferences.Core.Idempotency;
using Conferences.Core.Storage;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Starts the claim of a valid <c>Idempotency-Key</c> on an <see cref="IdempotentAttribute"/> route whose token is
/// valid, right after routing (<see cref="EarlyClaim"/>). A request that ends before <see cref="IdempotencyFilter"/>
/// took the claim over (a 404, 403, 415 from the account check, or an exception out of the action) gives the key back
/// here: it did not act, or it failed acting (an error changes nothing, as the filter's error answers assume).
/// </summary>
internal sealed class IdempotencyClaimMiddleware(RequestDelegate next, IdempotencyKeys keys, ILogger<IdempotencyClaimMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || http.GetCrossbarRequest()?.Token is not { Status: TokenStatus.Valid, Claims: { } claims }
            || EarlyClaim.ValidKey(http.Request.Headers[IdempotencyFilter.HeaderName]) is not { } key
            || (claims.AccountId ?? http.GetRouteValue(CrossbarAccountCheck.AccountRouteKey) as string) is not { } accountId)
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        var early = EarlyClaim.Start(keys, http, accountId, key);
        http.Features.Set(early);
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            if (!early.TakenOver)
            {
                await GiveBackAsync(early.Claiming).ConfigureAwait(false);
            }
        }
    }

    private async Task GiveBackAsync(Task<IdempotencyClaim> claiming)
    {
        try
        {
            if (await claiming.ConfigureAwait(false) is { Outcome: IdempotencyOutcome.Claimed } held)
            {
                await keys.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is DatastoreUnavailableException or OperationCanceledException)
        {
            logger.LogWarning(e, "An Idempotency-Key claimed for a request that failed before acting could not be released; it stays in progress until its lease ends");
        }
    }
}
