using Microsoft.IdentityModel.Tokens;

namespace Conferences.Core.Auth;

/// <summary>The public half of one Kazoo signing key and the revision of the document it came from.</summary>
public sealed record KazooPublicKey(string Kid, string? Revision, SecurityKey Key)
{
    /// <summary>Kazoo stores the PKCS#1 private key (<c>kz_auth_keys:save_private_key/2</c>); only the public half is
    /// kept.</summary>
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
