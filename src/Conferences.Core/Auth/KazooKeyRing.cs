namespace Conferences.Core.Auth;

/// <summary>Cached as <c>kz_auth_keys</c> does; a failed signature re-reads, so a key reset needs no restart.</summary>
public sealed class KazooKeyRing(IKazooKeyReader reader, IOptions<KazooAuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<KazooPublicKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(kid, out var entry)
            && clock.GetUtcNow() - entry.ReadAt < (entry.Key is null ? options.Value.UnknownKeyLifetime : options.Value.KeyLifetime))
        {
            return entry.Key;
        }
        return await ReadAsync(kid, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a failing signature with <paramref name="used"/>: the key read again, when it changed since; otherwise null.</summary>
    public async Task<KazooPublicKey?> RereadAsync(KazooPublicKey used, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (entries.TryGetValue(used.Kid, out var entry) && clock.GetUtcNow() - entry.ReadAt < options.Value.KeyRereadInterval)
        {
            return entry.Key is { } current && !ReferenceEquals(current, used) ? current : null;
        }
        var fresh = await ReadAsync(used.Kid, cancellationToken).ConfigureAwait(false);
        return fresh is not null && !ReferenceEquals(fresh, used) && fresh.Revision != used.Revision ? fresh : null;
    }

    private async Task<KazooPublicKey?> ReadAsync(string kid, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = await reader.ReadAsync(kid, cancellationToken).ConfigureAwait(false);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        entries[kid] = new Entry(key, now);
        return key;
    }

    private sealed record Entry(KazooPublicKey? Key, DateTimeOffset ReadAt);
}
