using Conferences.Core.Idempotency;
using Conferences.Core.Storage;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Conferences.Api.Crossbar;

/// <summary>
/// <c>Idempotency-Key</c> on an acting PUT (docs/compatibility.md, "Actions a script can trust"): the first request
/// under a key claims it and runs; its successful answer is kept and replayed to the same request under the same key
/// (status, headers, body) without acting again. The same key for a different request is 422, a duplicate of a request
/// still running 409. An error answer releases the key: it changed nothing, so running it again is safe. The claim
/// runs beside the action's reads and validation; the action's first act waits for it (<see cref="ActingGate"/>).
/// </summary>
public sealed class IdempotencyFilter(IdempotencyKeys keys, ILogger<IdempotencyFilter> logger) : IAsyncActionFilter
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on a replayed answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[HeaderName];
        if (header.Count == 0)
        {
            await next().ConfigureAwait(false);
            return;
        }
        if (EarlyClaim.ValidKey(header) is null)
        {
            throw KazooErrors.InvalidIdempotencyKey();
        }
        // claimed on another thread since routing; the action acts only once the claim is won (ActingGate). An
        // exception out of the action leaves the claim to the middleware, which gives it back.
        var early = http.Features.Get<EarlyClaim>() ?? throw new InvalidOperationException($"{nameof(IdempotencyClaimMiddleware)} did not start the claim");
        ActingGate.Enter(early.Claiming);
        var executed = await next().ConfigureAwait(false);
        early.TakenOver = true;
        var claim = await early.Claiming.ConfigureAwait(false);
        if (claim.Outcome != IdempotencyOutcome.Claimed)
        {
            // stopped at its first act, or ended before one: what the action answered is not this request's answer
            executed.ExceptionHandled = true;
            executed.Result = claim.Outcome switch
            {
                IdempotencyOutcome.Replay => new ReplayedResult(claim.Answer!),
                IdempotencyOutcome.Mismatch => throw KazooErrors.IdempotencyKeyReused(),
                _ => throw KazooErrors.IdempotencyKeyInProgress(),
            };
            return;
        }
        if (executed.Exception is not null || executed.Result is not CrossbarResult result)
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            return;
        }
        executed.Result = new RecordedResult(result, answer => answer.Status is >= 200 and < 300 ? Complete(claim, answer) : ReleaseAsync(claim));
    }

    // the answer is replayed from memory at once and stored in the background: the connection's next request
    // does not wait for the store (ADR 0011); the request has acted, so this must not depend on the client listening
    private Task Complete(IdempotencyClaim claim, IdempotentAnswer answer)
    {
        _ = KeepAsync(keys.CompleteAsync(claim, answer, CancellationToken.None));
        return Task.CompletedTask;
    }

    private async Task KeepAsync(Task stored)
    {
        try
        {
            await stored.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // nobody awaits this task: whatever failed is reported here
            logger.LogWarning(e, "The answer under an Idempotency-Key could not be kept; the key stays in progress until its lease ends");
        }
    }

    private async Task ReleaseAsync(IdempotencyClaim claim)
    {
        try
        {
            await keys.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DatastoreUnavailableException e)
        {
            logger.LogWarning(e, "An Idempotency-Key could not be released; it stays in progress until its lease ends");
        }
    }
}
