namespace Conferences.Core.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c>s of acting PUTs, kept in the <see cref="IIdempotencyStore"/> so that every instance on one
/// store agrees (docs/compatibility.md, "Actions a script can trust"). A request claims its key in the store before it
/// acts (of concurrent duplicates on any instance exactly one wins); its answer is kept after it went out, and this
/// instance replays it from memory until the store has it, so a retry right after the answer replays too.
/// </summary>
public sealed class IdempotencyKeys(IIdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock) : IAsyncDisposable, IDisposable
{
    /// <summary>The database of the keys as documents (CouchDB): this service's own, beside Kazoo's.</summary>
    public const string Database = "conferences_idempotency";

    public const string DocumentType = "idempotency_key";

    // answers given but not stored yet, by key id
    private readonly ConcurrentDictionary<string, Unsaved> unsaved = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="key"/> for <paramref name="accountId"/>'s request <paramref name="fingerprint"/>, or says why not.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(string accountId, string key, string fingerprint, CancellationToken ct)
    {
        var id = DocumentId(accountId, key);
        if (unsaved.TryGetValue(id, out var answered))
        {
            return Judge(answered.Entry, fingerprint);
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claim = new IdempotencyEntry(id, accountId, fingerprint, Guid.NewGuid().ToString("N"), now + (long)options.Value.InProgressLease.TotalMilliseconds);
        var held = await store.ClaimAsync(claim, now, ct).ConfigureAwait(false);
        if (held is null)
        {
            return new(IdempotencyOutcome.InProgress, id);
        }
        if (held.Claim == claim.Claim)
        {
            return new(IdempotencyOutcome.Claimed, id) { Entry = held };
        }
        // answered on this instance while the store was asked
        return Judge(held.Answer is null && unsaved.TryGetValue(id, out answered) ? answered.Entry : held, fingerprint);
    }

    /// <summary>
    /// Keeps the request's answer until the key expires: replayed here at once, stored in the background (the returned
    /// task ends when it is stored), so neither the client nor its next request waits for the store.
    /// </summary>
    public Task CompleteAsync(IdempotencyClaim claim, IdempotentAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(answer);
        var held = claim.Entry!;
        var pending = new Unsaved(held with { Answer = answer, Expires = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)options.Value.Retention.TotalMilliseconds });
        unsaved[held.Id] = pending;
        pending.Stored = StoreAsync(held, pending, ct);
        return pending.Stored;
    }

    /// <summary>Gives the key up: the request changed nothing (an error answer), so running it again is safe.</summary>
    public Task ReleaseAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return store.ReleaseAsync(claim.Entry!, ct);
    }

    /// <summary>The document id: a digest of the account and the key, so any key text makes a valid id.</summary>
    public static string DocumentId(string accountId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}\n{key}")));

    /// <summary>Waits for the answers not stored yet (the host stopping), so a clean stop keeps them all.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var pending in unsaved.Values)
        {
            try
            {
                await pending.Stored.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // reported to whoever completed the key; the claim stays until its lease ends
            }
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static IdempotencyClaim Judge(IdempotencyEntry held, string fingerprint) =>
        held.Fingerprint != fingerprint ? new(IdempotencyOutcome.Mismatch, held.Id)
        : held.Answer is { } answer ? new(IdempotencyOutcome.Replay, held.Id, answer)
        : new(IdempotencyOutcome.InProgress, held.Id);

    private async Task StoreAsync(IdempotencyEntry held, Unsaved pending, CancellationToken ct)
    {
        try
        {
            await store.CompleteAsync(held, pending.Entry.Answer!, pending.Entry.Expires, ct).ConfigureAwait(false);
        }
        finally
        {
            unsaved.TryRemove(KeyValuePair.Create(held.Id, pending));
        }
    }

    private sealed class Unsaved(IdempotencyEntry entry)
    {
        public IdempotencyEntry Entry { get; } = entry;

        public Task Stored { get; set; } = Task.CompletedTask;
    }
}
