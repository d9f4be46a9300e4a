namespace Conferences.Core.Accounts;

/// <summary>
/// Own tokens this instance has verified, so a client's next request is not verified again (docs/operations.md,
/// "Caches"). A hit needs the very signing key it was verified with and a time before the token's <c>exp</c> — the two
/// things a second verification could find changed — so the cache never changes an answer: a rotated key or an expired
/// token is verified afresh at once, on every instance. Bounded: past <see cref="MaxEntries"/> it starts afresh.
/// </summary>
internal sealed class VerifiedTokens
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public TokenClaims? Find(string token, byte[] key, DateTimeOffset now) =>
        entries.TryGetValue(token, out var entry) && ReferenceEquals(entry.Key, key) && now < DateTimeOffset.FromUnixTimeSeconds(entry.Claims.ExpiresAtUnix)
            ? entry.Claims
            : null;

    public void Add(string token, byte[] key, TokenClaims claims)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[token] = new Entry(key, claims);
    }

    private sealed record Entry(byte[] Key, TokenClaims Claims);
}
