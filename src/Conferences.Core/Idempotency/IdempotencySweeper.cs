namespace Conferences.Core.Idempotency;

/// <summary>
/// Removes the keys whose time is over (kept answers after <c>Idempotency:Retention</c>, abandoned claims after their
/// lease), so that keys expire on their own and the store does not grow. Several instances may sweep at once.
/// </summary>
public sealed class IdempotencySweeper(IIdempotencyStore store, TimeProvider clock)
{
    /// <summary>One pass; returns how many expired keys it found.</summary>
    public Task<int> SweepAsync(CancellationToken ct) => store.RemoveExpiredAsync(clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
}
