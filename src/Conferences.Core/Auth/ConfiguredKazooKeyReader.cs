namespace Conferences.Core.Auth;

/// <summary>Kazoo's public keys from configuration (<c>KazooAuth:Keys:{kid}</c>), for a service that may not read <c>system_auth</c>.</summary>
public sealed class ConfiguredKazooKeyReader(IOptions<KazooAuthOptions> options) : IKazooKeyReader
{
    private readonly Lazy<IReadOnlyDictionary<string, KazooPublicKey>> keys = new(() => Load(options.Value));

    public Task<KazooPublicKey?> ReadAsync(string kid, CancellationToken cancellationToken) =>
        Task.FromResult(keys.Value.GetValueOrDefault(kid));

    public Task<string?> CurrentKidAsync(CancellationToken cancellationToken) => Task.FromResult(keys.Value.Keys.Order(StringComparer.Ordinal).FirstOrDefault());

    /// <summary>Every configured key, or the reason one cannot be read (checked when the service starts).</summary>
    public static IReadOnlyDictionary<string, KazooPublicKey> Load(KazooAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = new Dictionary<string, KazooPublicKey>(StringComparer.Ordinal);
        foreach (var (kid, configured) in options.Keys)
        {
            var pem = configured.Pem is { Length: > 0 } value ? value
                : configured.PemFile is { Length: > 0 } file ? File.ReadAllText(file)
                : throw new InvalidOperationException($"KazooAuth:Keys:{kid} needs Pem or PemFile");
            loaded[kid] = KazooPublicKey.FromPem(kid, null, pem) ?? throw new InvalidOperationException($"KazooAuth:Keys:{kid} holds no RSA key");
        }
        return loaded;
    }
}
