namespace Conferences.Core.Idempotency;

/// <summary>
/// Where <c>Idempotency-Key</c>s live, shared by every instance on one store (ADR 0011): the embedded store keeps them
/// in a table of its SQLite file, CouchDB as documents of <see cref="IdempotencyKeys.Database"/> (<see cref="DocumentIdempotencyStore"/>).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Stores <paramref name="claim"/> unless a live entry (expiring after <paramref name="now"/>) holds its id, in one
    /// atomic step; returns the entry holding the id afterwards (the claim itself when it won), null when contended.
    /// </summary>
    Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct);

    /// <summary>Replaces <paramref name="claim"/> with its answer; <see cref="DocumentConflictException"/> when the claim is no longer held.</summary>
    Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct);

    /// <summary>Removes <paramref name="claim"/> if it is still held by it (another claim under the id stays).</summary>
    Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct);

    /// <summary>Removes every entry expired at <paramref name="now"/>; returns how many it found.</summary>
    Task<int> RemoveExpiredAsync(long now, CancellationToken ct);
}

/// <summary>
/// One key of one account as stored: the request it was claimed for, which claim holds it (a random token), when it
/// expires (Unix ms) and, once completed, the answer to replay.
/// </summary>
public sealed record IdempotencyEntry(string Id, string AccountId, string Fingerprint, string Claim, long Expires, IdempotentAnswer? Answer = null)
{
    /// <summary>The stored revision where the store has one (CouchDB's <c>_rev</c>).</summary>
    public string? Revision { get; init; }
}
