namespace Conferences.Core.Auth;

/// <summary>Kept for <see cref="KazooAuthOptions.SecretLifetime"/>, which bounds how long a revoked user's token
/// works.</summary>
public sealed class KazooSecrets(IDocumentStore store, KazooSystemConfig config, IOptions<KazooAuthOptions> options, TimeProvider clock)
{
    private const int MaxIdentities = 10_000;

    // A missing identity is read again sooner: the document may be being created
    private static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Account, string Id), TrustedValue> identities = new();
    private TrustedValue? system;

    public async Task<TrustedValue> SystemAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SystemSecret is { Length: > 0 } configured)
        {
            return new TrustedValue(configured, DateTimeOffset.MaxValue);
        }
        if (system is { } cached && IsFresh(cached))
        {
            return cached;
        }
        var now = clock.GetUtcNow();
        var value = await config.ValueAsync(KazooSystemConfig.SignatureSecret, cancellationToken).ConfigureAwait(false);
        return system = new TrustedValue(value, now);
    }

    /// <summary>The <c>pvt_signature_secret</c> of <paramref name="identityId"/> in the account's database; null when the document is missing or deleted.</summary>
    public async Task<TrustedValue> IdentityAsync(string accountId, string identityId, CancellationToken cancellationToken)
    {
        if (identities.TryGetValue((accountId, identityId), out var cached) && IsFresh(cached))
        {
            return cached;
        }
        var now = clock.GetUtcNow();
        var doc = await store.GetAsync(AccountDatabase.Encoded(accountId), identityId, cancellationToken).ConfigureAwait(false);
        var secret = doc is null || KazooFields.IsSoftDeleted(doc) ? null : KazooJson.GetString(doc, "pvt_signature_secret");
        if (identities.Count >= MaxIdentities)
        {
            identities.Clear();
        }
        return identities[(accountId, identityId)] = new TrustedValue(secret is { Length: > 0 } ? secret : null, now);
    }

    private bool IsFresh(TrustedValue value)
    {
        var lifetime = value.Value is null ? TimeSpan.FromTicks(Math.Min(MissLifetime.Ticks, options.Value.SecretLifetime.Ticks)) : options.Value.SecretLifetime;
        return clock.GetUtcNow() - value.ReadAt < lifetime;
    }
}
