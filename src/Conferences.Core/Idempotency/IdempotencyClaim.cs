namespace Conferences.Core.Idempotency;

/// <summary>What <see cref="IdempotencyKeys.ClaimAsync"/> found for a key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is this request's: run it, then complete or release the claim.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="IdempotencyClaim.Answer"/>.</summary>
    Replay,

    /// <summary>The key was used for a different request (422, <see cref="Errors.KazooErrors.IdempotencyKeyReused"/>).</summary>
    Mismatch,

    /// <summary>The same request is still running under the key.</summary>
    InProgress,
}

/// <summary>The outcome of claiming a key; a <see cref="IdempotencyOutcome.Claimed"/> one holds the stored claim.</summary>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, string DocumentId, IdempotentAnswer? Answer = null)
{
    /// <summary>The claim as stored, to complete or release it.</summary>
    internal IdempotencyEntry? Entry { get; init; }
}
