namespace Conferences.Core.Idempotency;

/// <summary>
/// Where a request under an <c>Idempotency-Key</c> waits for its claim (ADR 0011): the claim runs beside the request's
/// reads and validation, and every act (a command published, a document created) passes here first, so nothing acts
/// unless the claim was won. Without a key the calling flow has no gate and passing costs nothing.
/// </summary>
public sealed class ActingGate
{
    private static readonly AsyncLocal<ActingGate?> Current = new();

    private readonly Task<IdempotencyClaim> claim;

    private ActingGate(Task<IdempotencyClaim> claim) => this.claim = claim;

    /// <summary>Makes the rest of the calling flow wait for <paramref name="claim"/> before it acts.</summary>
    public static void Enter(Task<IdempotencyClaim> claim) => Current.Value = new ActingGate(claim);

    /// <summary>Called by whatever acts, right before it does.</summary>
    /// <exception cref="IdempotencyKeyTakenException">another request holds or answered the key: this one must not act.</exception>
    public static ValueTask PassAsync()
    {
        var gate = Current.Value;
        return gate is null || gate.claim is { IsCompletedSuccessfully: true, Result.Outcome: IdempotencyOutcome.Claimed }
            ? ValueTask.CompletedTask
            : gate.WaitAsync();
    }

    private async ValueTask WaitAsync()
    {
        var outcome = await claim.ConfigureAwait(false);
        if (outcome.Outcome != IdempotencyOutcome.Claimed)
        {
            throw new IdempotencyKeyTakenException(outcome);
        }
    }
}
