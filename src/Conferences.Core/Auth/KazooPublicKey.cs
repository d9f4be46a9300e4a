using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Auth;

/// <summary>The public half of one Kazoo signing key and the revision of the document it came from.</summary>
public sealed record KazooPublicKey(string Kid, string? Revision, SecurityKey Key)
{
    /// <summary>
    /// Reads a PEM (Kazoo stores the private key, PKCS#1, <c>kz_auth_keys:save_private_key/2</c>) and keeps only the
    /// modulus and exponent; null when the text holds no RSA key.
    /// </summary>
    public static KazooPublicKey? FromPem(string kid, string? revision, string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return null;
        }
        return new KazooPublicKey(kid, revision, new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = kid });
    }
}
