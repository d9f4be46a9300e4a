namespace Conferences.Core.Accounts;

/// <summary>The token signing key, loaded from the store at start-up so every instance signs alike.</summary>
public sealed class SigningKeyHolder
{
    private byte[]? _key;

    public byte[] Key => _key ?? throw new InvalidOperationException("the token signing key has not been loaded (bootstrap did not run)");

    /// <summary>The key, or null before bootstrap loaded it.</summary>
    public byte[]? Loaded => _key;

    public void Set(byte[] key) => _key = key.Length >= 32 ? key : throw new ArgumentException("signing key must be at least 32 bytes", nameof(key));
}
