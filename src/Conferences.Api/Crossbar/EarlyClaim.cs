using Conferences.Core.Idempotency;

namespace Conferences.Api.Crossbar;

/// <summary>
/// An acting PUT's <c>Idempotency-Key</c> claim, started on another thread as soon as the route and the caller are
/// known (<see cref="IdempotencyClaimMiddleware"/>), so that it runs beside MVC's account check, binding and the
/// action's reads; <see cref="IdempotencyFilter"/> takes it over (ADR 0011).
/// </summary>
internal sealed class EarlyClaim(Task<IdempotencyClaim> claiming)
{
    public Task<IdempotencyClaim> Claiming { get; } = claiming;

    public bool TakenOver { get; private set; }

    public Task<IdempotencyClaim> TakeOver()
    {
        TakenOver = true;
        return Claiming;
    }

    public static Task<IdempotencyClaim> Start(IdempotencyKeys keys, HttpContext http, string accountId, string key)
    {
        var request = http.GetCrossbarRequest()!;
        var fingerprint = IdempotencyFingerprint.Of(http.Request.Method, http.Request.Path.Value ?? "/", request.Query, request.Envelope);
        return Task.Run(() => keys.ClaimAsync(accountId, key, fingerprint, CancellationToken.None));
    }

    /// <summary>The key as sent: exactly one header of 1–255 visible ASCII characters (spaces inside allowed); null when absent.</summary>
    /// <exception cref="CrossbarException">400: the header is there but not a valid key.</exception>
    public static string? ReadKey(HttpRequest request)
    {
        var values = request.Headers[IdempotencyFilter.HeaderName];
        if (values.Count == 0)
        {
            return null;
        }
        return IsValidKey(values.Count == 1 ? values[0] : null) ? values[0] : throw KazooErrors.InvalidIdempotencyKey();
    }

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= 255 } && !key.Any(c => c is < ' ' or > '~') && key.Trim().Length > 0;
}
