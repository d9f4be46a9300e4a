namespace Conferences.Core.Idempotency;

/// <summary>Stops a request at its first act because its key was not claimed; the filter that owns the claim answers instead.</summary>
public sealed class IdempotencyKeyTakenException(IdempotencyClaim claim) : Exception($"Idempotency-Key {claim.Outcome}");
