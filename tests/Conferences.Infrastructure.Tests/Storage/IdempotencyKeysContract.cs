using Conferences.Core.Idempotency;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>
/// <c>Idempotency-Key</c>s on each <see cref="IIdempotencyStore"/> (<see cref="IdempotencyKeys"/>): two API instances
/// over one store agree, concurrent duplicates let exactly one run, and keys expire (docs/compatibility.md, "Actions a
/// script can trust").
/// </summary>
public abstract class IdempotencyKeysContract(IStoreSource source) : DocumentStoreContract(source)
{
    private readonly ManualClock clock = new();

    private static readonly IdempotentAnswer Answer = new(201, new Dictionary<string, string> { ["Location"] = "/v2/x" }, Encoding.UTF8.GetBytes("""{"data":"ok"}"""));

    /// <summary>A new instance's view of the one store under test.</summary>
    protected abstract Task<IIdempotencyStore> CreateKeyStoreAsync();

    [Fact]
    public async Task A_completed_key_replays_its_answer_on_another_instance()
    {
        var (first, second) = (await KeysAsync(), await KeysAsync());
        var account = KazooIds.NewId();

        var claim = await first.ClaimAsync(account, "key-1", "request-a", Ct);
        await first.CompleteAsync(claim, Answer, Ct);
        var replay = await second.ClaimAsync(account, "key-1", "request-a", Ct);

        Assert.Equal(IdempotencyOutcome.Claimed, claim.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal(201, replay.Answer!.Status);
        Assert.Equal("/v2/x", replay.Answer.Headers["location"]);
        Assert.Equal(Answer.Body, replay.Answer.Body);
    }

    [Fact]
    public async Task A_different_request_under_the_key_is_a_mismatch_and_another_account_has_its_own_keys()
    {
        var keys = await KeysAsync();
        var account = KazooIds.NewId();
        await keys.CompleteAsync(await keys.ClaimAsync(account, "key", "request-a", Ct), Answer, Ct);

        Assert.Equal(IdempotencyOutcome.Mismatch, (await keys.ClaimAsync(account, "key", "request-b", Ct)).Outcome);
        Assert.Equal(IdempotencyOutcome.Claimed, (await keys.ClaimAsync(KazooIds.NewId(), "key", "request-b", Ct)).Outcome);
    }

    [Fact]
    public async Task A_running_request_is_in_progress_until_released()
    {
        var (first, second) = (await KeysAsync(), await KeysAsync());
        var account = KazooIds.NewId();

        var claim = await first.ClaimAsync(account, "key", "request", Ct);
        var duplicate = await second.ClaimAsync(account, "key", "request", Ct);
        await first.ReleaseAsync(claim, Ct);
        var retry = await second.ClaimAsync(account, "key", "request", Ct);

        Assert.Equal(IdempotencyOutcome.InProgress, duplicate.Outcome);
        Assert.Equal(IdempotencyOutcome.Claimed, retry.Outcome);
    }

    [Fact]
    public async Task Concurrent_claims_on_two_instances_let_exactly_one_run()
    {
        var instances = new[] { await KeysAsync(), await KeysAsync() };
        var account = KazooIds.NewId();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => instances[i % 2].ClaimAsync(account, "race", "request", Ct))));

        Assert.Single(outcomes, o => o.Outcome == IdempotencyOutcome.Claimed);
        Assert.All(outcomes.Where(o => o.Outcome != IdempotencyOutcome.Claimed), o => Assert.Equal(IdempotencyOutcome.InProgress, o.Outcome));
    }

    [Fact]
    public async Task An_answer_not_stored_yet_replays_on_its_instance_and_is_in_progress_on_the_others()
    {
        var held = new HeldAnswers(await CreateKeyStoreAsync());
        var (first, second) = (Keys(held), await KeysAsync());
        var account = KazooIds.NewId();

        var storing = first.CompleteAsync(await first.ClaimAsync(account, "key", "request", Ct), Answer, Ct);
        var retryHere = await first.ClaimAsync(account, "key", "request", Ct);
        var otherRequestHere = await first.ClaimAsync(account, "key", "other request", Ct);
        var retryThere = await second.ClaimAsync(account, "key", "request", Ct);
        held.Release.SetResult();
        await storing;
        var retryThereLater = await second.ClaimAsync(account, "key", "request", Ct);

        Assert.Equal(IdempotencyOutcome.Replay, retryHere.Outcome);
        Assert.Equal(Answer.Body, retryHere.Answer!.Body);
        Assert.Equal(IdempotencyOutcome.Mismatch, otherRequestHere.Outcome);
        Assert.Equal(IdempotencyOutcome.InProgress, retryThere.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, retryThereLater.Outcome);
    }

    [Fact]
    public async Task A_claim_whose_instance_stopped_before_the_answer_is_in_progress_until_its_lease_ends()
    {
        var (crashed, survivor) = (await KeysAsync(), await KeysAsync());
        var account = KazooIds.NewId();

        Assert.Equal(IdempotencyOutcome.Claimed, (await crashed.ClaimAsync(account, "key", "request", Ct)).Outcome);
        var meanwhile = await survivor.ClaimAsync(account, "key", "request", Ct);
        clock.Advance(TimeSpan.FromMinutes(16));
        var afterLease = await survivor.ClaimAsync(account, "key", "request", Ct);

        Assert.Equal(IdempotencyOutcome.InProgress, meanwhile.Outcome);
        Assert.Equal(IdempotencyOutcome.Claimed, afterLease.Outcome);
    }

    [Fact]
    public async Task The_late_answer_of_an_abandoned_claim_does_not_replace_the_claim_that_took_the_key_over()
    {
        var (slow, other) = (await KeysAsync(), await KeysAsync());
        var account = KazooIds.NewId();
        var abandoned = await slow.ClaimAsync(account, "key", "request", Ct);
        clock.Advance(TimeSpan.FromMinutes(16));
        var takenOver = await other.ClaimAsync(account, "key", "request", Ct);

        await Assert.ThrowsAsync<DocumentConflictException>(() => slow.CompleteAsync(abandoned, Answer, Ct));
        await slow.ReleaseAsync(abandoned, Ct);

        Assert.Equal(IdempotencyOutcome.Claimed, takenOver.Outcome);
        Assert.Equal(IdempotencyOutcome.InProgress, (await (await KeysAsync()).ClaimAsync(account, "key", "request", Ct)).Outcome);
    }

    [Fact]
    public async Task Keys_expire_after_the_retention_and_abandoned_claims_after_the_lease()
    {
        var keys = await KeysAsync();
        var account = KazooIds.NewId();
        await keys.CompleteAsync(await keys.ClaimAsync(account, "kept", "request", Ct), Answer, Ct);
        await keys.ClaimAsync(account, "abandoned", "request", Ct);

        clock.Advance(TimeSpan.FromMinutes(16));
        var abandoned = await keys.ClaimAsync(account, "abandoned", "other request", Ct);
        var kept = await keys.ClaimAsync(account, "kept", "request", Ct);
        clock.Advance(TimeSpan.FromHours(24));
        var expired = await keys.ClaimAsync(account, "kept", "other request", Ct);

        Assert.Equal(IdempotencyOutcome.Claimed, abandoned.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, kept.Outcome);
        Assert.Equal(IdempotencyOutcome.Claimed, expired.Outcome);
    }

    [Fact]
    public async Task The_sweeper_removes_expired_keys_and_keeps_the_others()
    {
        var store = await CreateKeyStoreAsync();
        var keys = Keys(store);
        var account = KazooIds.NewId();
        await keys.CompleteAsync(await keys.ClaimAsync(account, "old", "request", Ct), Answer, Ct);
        clock.Advance(TimeSpan.FromHours(23));
        await keys.CompleteAsync(await keys.ClaimAsync(account, "young", "request", Ct), Answer, Ct);
        clock.Advance(TimeSpan.FromHours(2));

        var removed = await new IdempotencySweeper(store, clock).SweepAsync(Ct);
        var left = await new IdempotencySweeper(store, clock).SweepAsync(Ct);

        Assert.True(removed >= 1);
        Assert.Equal(0, left);
        Assert.Equal(IdempotencyOutcome.Replay, (await keys.ClaimAsync(account, "young", "request", Ct)).Outcome);
    }

    private async Task<IdempotencyKeys> KeysAsync() => Keys(await CreateKeyStoreAsync());

    private IdempotencyKeys Keys(IIdempotencyStore store) => new(store, Options.Create(new IdempotencyOptions()), clock);

    private sealed class ManualClock : TimeProvider
    {
        // far ahead of the real time, so that keys other suites left behind are long expired for the sweeper
        private DateTimeOffset now = DateTimeOffset.UtcNow.AddYears(1);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    // stores answers only once released: the time between an answer going out and the store having it
    private sealed class HeldAnswers(IIdempotencyStore inner) : IIdempotencyStore
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct) => inner.ClaimAsync(claim, now, ct);

        public async Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct)
        {
            await Release.Task;
            await inner.CompleteAsync(claim, answer, expires, ct);
        }

        public Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct) => inner.ReleaseAsync(claim, ct);

        public Task<int> RemoveExpiredAsync(long now, CancellationToken ct) => inner.RemoveExpiredAsync(now, ct);
    }
}
