namespace Conferences.Core.Auth;

/// <summary>
/// Kazoo's identity signature, the claim that makes its tokens revocable (<c>kz_auth_identity:sign/1</c> and
/// <c>verify/2</c>): base64url(HMAC-SHA256(key = identity secret ‖ system secret, message = identity id)).
/// </summary>
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
