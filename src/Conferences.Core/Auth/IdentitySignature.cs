namespace Conferences.Core.Auth;

/// <summary><c>kz_auth_identity:sign/1</c>: base64url(HMAC-SHA256(identity secret ‖ system secret, identity
/// id)).</summary>
public static class IdentitySignature
{
    public static string Compute(string identitySecret, string systemSecret, string identityId) =>
        Base64Url.Encode(Hash(identitySecret, systemSecret, identityId));

    public static bool Matches(string signature, string identitySecret, string systemSecret, string identityId) =>
        Base64Url.TryDecode(signature) is { } given
        && CryptographicOperations.FixedTimeEquals(given, Hash(identitySecret, systemSecret, identityId));

    private static byte[] Hash(string identitySecret, string systemSecret, string identityId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(identitySecret + systemSecret), Encoding.UTF8.GetBytes(identityId));
}
