using Conferences.Core.Idempotency;
using Microsoft.Extensions.Primitives;

namespace Conferences.Api.Crossbar;

/// <summary>
/// An acting PUT's <c>Idempotency-Key</c> claim, started on another thread as soon as the route and the caller are
/// known (<see cref="IdempotencyClaimMiddleware"/>), so that it runs beside MVC's account check, binding and the
/// action's reads; <see cref="IdempotencyFilter"/> takes it over once the action has run (ADR 0011).
/// </summary>
internal sealed class EarlyClaim
{
    private EarlyClaim(Task<IdempotencyClaim> claiming) => Claiming = claiming;

    public Task<IdempotencyClaim> Claiming { get; }

    /// <summary>Set by the filter: from then on it completes or releases the claim, not the middleware.</summary>
    public bool TakenOver { get; set; }

    public static EarlyClaim Start(IdempotencyKeys keys, HttpContext http, string accountId, string key)
    {
        var request = http.GetCrossbarRequest()!;
        var fingerprint = IdempotencyFingerprint.Of(http.Request.Method, http.Request.Path.Value ?? "/", request.Query, request.Envelope);
        return new EarlyClaim(Task.Run(() => keys.ClaimAsync(accountId, key, fingerprint, CancellationToken.None)));
    }

    /// <summary>The key as sent: exactly one header of 1–255 visible ASCII characters (spaces inside allowed); null when
    /// absent or not such a key.</summary>
    public static string? ValidKey(StringValues values) =>
        values is [{ Length: > 0 and <= 255 } key] && !key.Any(c => c is < ' ' or > '~') && key.Trim().Length > 0 ? key : null;
}
